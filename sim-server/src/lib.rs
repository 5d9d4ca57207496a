//! HTTP server mode of the simulator (being written).
