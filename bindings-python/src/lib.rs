//! The python binding (being written).
