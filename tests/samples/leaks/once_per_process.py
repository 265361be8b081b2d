"""A module that warns when a process first imports it, as torch does for what some of its APIs need."""

import warnings

warnings.warn("this module warns the first time a process imports it", UserWarning)
