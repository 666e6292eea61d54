//! Links the addon as Node expects: the Node-API symbols are left undefined,
//! resolved by the `node` process that loads the library.

fn main() {
    napi_build::setup();
}
