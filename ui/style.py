"""The desktop's colours for meaning, in one place: a problem is red, what went well green,
a warning brown and a note blue (each readable on the light background)."""

ERROR_COLOUR = "#b00020"
OK_COLOUR = "#1b5e20"
WARNING_COLOUR = "#8a5300"
INFO_COLOUR = "#1a5fb4"

# The background of a box that tells of a problem (what stops signing), with ERROR_COLOUR text.
ERROR_BACKGROUND = "#fdecea"

# The stylesheet of a label that tells of a problem, and of one that tells all is well.
PROBLEM_STYLE = f"color: {ERROR_COLOUR};"
OK_STYLE = f"color: {OK_COLOUR};"
