"""The first-start size: the app's and the bench's baseline windows share it."""

from viewer.ui.window_size import MIN_SIZE, first_start_size


def test_a_first_start_takes_most_of_the_screen_up_to_a_limit() -> None:
    assert first_start_size(1600, 1000) == (1440, 900)
    assert first_start_size(3840, 2160) == (1600, 1000)


def test_a_small_screen_gets_at_least_the_minimum_size_but_never_more_than_it_has() -> None:
    assert first_start_size(1000, 700) == (MIN_SIZE[0], 630)
    assert first_start_size(800, 500) == (800, 500)
