//! Conversions for the uniffi binding (being written).
