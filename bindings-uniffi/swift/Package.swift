// swift-tools-version:5.9
// The Swift package of zapi-communities for apps (iOS 15+, macOS 12+). `build-xcframework.sh`
// (beside this file, on a Mac with Xcode) builds the native library for every Apple target into
// ZapiCommunitiesFFI.xcframework and generates Sources/ZapiCommunities; neither is committed.
// Then add this folder as a local package in Xcode, or depend on it by path in another package.
import PackageDescription

let package = Package(
    name: "ZapiCommunities",
    platforms: [.macOS(.v12), .iOS(.v15)],
    products: [.library(name: "ZapiCommunities", targets: ["ZapiCommunities"])],
    targets: [
        // The static library per platform, with both generated C headers as one module.
        .binaryTarget(name: "ZapiCommunitiesFFI", path: "ZapiCommunitiesFFI.xcframework"),
        // Both generated .swift files (the binding's and the core's types).
        .target(name: "ZapiCommunities", dependencies: ["ZapiCommunitiesFFI"], path: "Sources/ZapiCommunities"),
    ]
)
