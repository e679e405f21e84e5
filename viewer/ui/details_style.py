"""The look of the details panel's rich text (classes from viewer/content/html.py)."""

STYLE = """
body { font-size: 10.5pt; color: #1d232a; }
h1 { font-size: 17pt; margin: 0 0 2px 0; color: #14324a; }
h2 { font-size: 13pt; margin: 14px 0 2px 0; color: #14324a; }
h3 { font-size: 10pt; margin: 8px 0 1px 0; color: #46525e; text-transform: uppercase; }
ul { margin-top: 0; margin-bottom: 0; margin-left: 14px; -qt-list-indent: 0; }
li { margin-bottom: 1px; }
.aka { color: #5a6570; margin-top: 0; }
.freq { color: #5a6570; font-size: 10pt; font-weight: normal; }
.risk { color: #ffffff; background-color: #b3261e; font-weight: bold; }
.riskbox { background-color: #fbe9e7; color: #8c1d18; padding: 6px; }
.site { background-color: #eef5fb; margin: 0; padding: 1px 6px; }
.img { margin: 1px 0 1px 0; }
.red { color: #8c1d18; }
.tag { color: #1f5f99; font-weight: bold; }
.muted { color: #6b7580; font-size: 9pt; }
.toc a { color: #1f5f99; text-decoration: none; }
a { color: #1f5f99; }
.side { color: #5a6570; font-size: 12pt; font-weight: normal; }
"""
