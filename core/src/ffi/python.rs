//! Conversions for the python binding (being written).
