"""The version of mlplab: one place, read by the package, the build and the model files."""

__version__ = "0.2.0.dev0"
