//! `cargo test` links this crate against libpython (maturin alone turns on extension-module
//! mode, where nothing is linked). Record the interpreter's library directory as an rpath so the
//! test binary finds the very libpython it was linked with, even outside the loader's default
//! paths (a pyenv or python.org build). Not applied to the wheel: maturin builds an extension
//! module, which links no libpython.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_FAMILY").is_ok_and(|family| family.split(',').any(|f| f == "wasm")) {
        return;
    }
    pyo3_build_config::add_libpython_rpath_link_args();
}
