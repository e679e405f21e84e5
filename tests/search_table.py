"""Queries a clinician or patient types, with the result that must come first.

Lay words, eponyms, conditions, symptoms and misspellings. Shared by the GUI
and CLI tests and by bench/search_bench.py.
"""

from __future__ import annotations

# (query, expected first region, expected condition there or "" for the region itself)
QUERIES: list[tuple[str, str, str]] = [
    # lay words
    ("kneecap", "patella", ""),
    ("shin bone", "tibial_shaft", ""),
    ("heel bone", "calcaneus", ""),
    ("big toe joint", "first_mtp_joint", ""),
    ("back of the knee", "popliteal_fossa", ""),
    ("lower back", "lumbar_spine", ""),
    ("IT band", "iliotibial_band", ""),
    ("sciatica", "lumbar_spine", ""),
    ("bunion", "metatarsal_1_head", ""),
    # eponyms
    ("Jones fracture", "metatarsal_5_base", "jones_fracture"),
    ("Osgood Schlatter", "tibial_tuberosity", "osgood_schlatter_disease"),
    ("Morton neuroma", "third_interspace", "morton_neuroma"),
    ("Lisfranc", "lisfranc_joint", ""),
    ("Baker's cyst", "popliteal_fossa", "bakers_cyst"),
    ("Sever's disease", "calcaneus", "calcaneal_apophysitis"),
    ("Freiberg", "metatarsal_2_head", "freiberg_disease"),
    ("charcot foot", "lisfranc_joint", "charcot_neuroarthropathy"),
    # conditions
    ("shin splints", "tibial_shaft", "medial_tibial_stress_syndrome"),
    ("jumpers knee", "patellar_tendon", "patellar_tendinopathy"),
    ("runners knee", "patella", "patellofemoral_pain_syndrome"),
    ("turf toe", "first_mtp_joint", "turf_toe"),
    ("gout", "first_mtp_joint", "gout"),
    ("Achilles rupture", "achilles_tendon", "achilles_tendon_rupture"),
    ("femoral neck stress fracture", "femoral_neck", "stress_fracture"),
    ("plantar fasciitis", "plantar_fascia", "plantar_fasciitis"),
    ("SCFE", "femoral_neck", "slipped_capital_femoral_epiphysis"),
    ("cauda equina", "lumbar_spine", "cauda_equina_syndrome"),
    ("hallux rigidus", "first_mtp_joint", "hallux_rigidus"),
    ("compartment syndrome", "anterior_compartment", "acute_compartment_syndrome"),
    (
        "chronic exertional compartment syndrome",
        "anterior_compartment",
        "chronic_exertional_compartment_syndrome",
    ),
    # symptoms and signs
    ("pinpoint tenderness shin", "tibial_shaft", "stress_fracture"),
    ("foot drop", "fibular_head", "common_peroneal_neuropathy"),
    ("claw toe", "lesser_toes", "lesser_toe_deformity"),
    # misspellings and half-typed words
    ("metatarsel", "metatarsal_1_shaft", ""),
    ("kneecp", "patella", ""),
    ("calcaneous", "calcaneus", ""),
    ("achiles", "achilles_tendon", ""),
    ("navicualr", "navicular", ""),
    ("patelar tendon", "patellar_tendon", ""),
    ("stres fractur", "metatarsal_2_shaft", "stress_fracture"),
    ("kneec", "patella", ""),
    # must-not-miss conditions, by name, test or eponym
    ("anterior cruciate", "cruciate_ligaments", ""),
    ("ACL tear", "cruciate_ligaments", "acl_tear"),
    ("osteosarcoma knee", "distal_femur", "primary_bone_tumour"),
    ("hip fracture", "femoral_neck", "hip_fracture"),
    ("Perthes", "femoral_neck", "perthes_disease"),
    ("transient synovitis", "femoral_neck", "transient_synovitis"),
    ("thigh pain on bisphosphonates", "femoral_shaft", "atypical_femoral_fracture"),
    ("FADIR", "femoral_neck", "femoroacetabular_impingement"),
    ("Schatzker", "proximal_tibia", "tibial_plateau_fracture"),
    ("dislocated kneecap", "patella", "patellar_dislocation"),
    ("cannot straight leg raise", "quadriceps_tendon", "quadriceps_tendon_rupture"),
    ("Hawkins sign", "talus", "talar_neck_fracture"),
    ("Bohler angle", "calcaneus", "calcaneal_fracture"),
    ("Kohler disease", "navicular", "kohler_disease"),
    ("piano key test", "lisfranc_joint", "lisfranc_injury"),
    ("mulder click", "third_interspace", "morton_neuroma"),
    ("podagra", "first_mtp_joint", "gout"),
    ("Maisonneuve", "syndesmosis", "syndesmosis_injury"),
    ("saddle anaesthesia", "lumbar_spine", "cauda_equina_syndrome"),
    # presentations: lay, age and time words
    ("hot swollen knee", "patella", "septic_arthritis"),
    ("knee pain at night in a teenager", "distal_femur", "primary_bone_tumour"),
    ("knee gave way playing football", "cruciate_ligaments", "acl_tear"),
    ("knee locks and will not straighten", "medial_joint_line", "meniscal_tear"),
    ("older adult fall cannot stand", "femoral_neck", "hip_fracture"),
    ("knee pain overweight teenager", "distal_femur", "slipped_capital_femoral_epiphysis"),
    ("toddler will not walk", "tibial_shaft", "toddlers_fracture"),
    ("sudden cold white painful leg", "calf", "acute_limb_ischaemia"),
    ("calf pain when walking relieved by standing still", "calf", "peripheral_arterial_disease"),
    ("red hot swollen leg", "calf", "cellulitis"),
    ("fell off a ladder heel pain", "calcaneus", "calcaneal_fracture"),
    ("red hot swollen big toe", "first_mtp_joint", "gout"),
]
