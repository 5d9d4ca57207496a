//! The generator, built from this workspace so it matches the library's uniffi version exactly:
//! `cargo run -p zapi-communities-uniffi --features cli --bin uniffi-bindgen -- generate …`.

fn main() {
    uniffi::uniffi_bindgen_main()
}
