//! The uniffi binding (being written).
