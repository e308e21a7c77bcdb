// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "kubelab",
  // Linux only: session files, signals and the detached sandbox call Glibc directly, and nothing
  // builds or tests on another platform, so none is claimed.
  products: [
    .executable(name: "kubelab", targets: ["kubelab"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
  ],
  targets: [
    .systemLibrary(
      name: "CCurl",
      pkgConfig: "libcurl",
      providers: [.apt(["libcurl4-openssl-dev"])]
    ),
    .systemLibrary(
      name: "CYAML",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"])]
    ),
    .systemLibrary(
      name: "CZlib",
      pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"])]
    ),
    .target(
      name: "KubeModel",
      dependencies: [
        "CYAML",
        .product(name: "OrderedCollections", package: "swift-collections"),
      ]
    ),
    .target(
      name: "KubeClient",
      dependencies: ["CCurl", "KubeModel", "Processes"]
    ),
    .target(
      name: "LabKit",
      dependencies: ["KubeModel", "KubeClient", "Processes"]
    ),
    .target(name: "Processes"),
    .target(name: "Isolation", dependencies: ["Processes"]),
    .target(
      name: "KubeSim",
      dependencies: [
        "KubeModel",
        "CZlib",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOWebSocket", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "X509", package: "swift-certificates"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "CompressNIO", package: "compress-nio"),
      ],
      resources: [.copy("Data")]
    ),
    .target(
      name: "NodeTools",
      dependencies: [
        "KubeSim", "KubeModel", .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "X509", package: "swift-certificates"),
      ]
    ),
    .target(
      name: "NodeHost",
      dependencies: [
        "KubeSim", "KubeModel", "Isolation", "NodeTools", "Processes",
        .product(name: "X509", package: "swift-certificates"),
      ]
    ),
    .target(name: "ContainerHost", dependencies: ["KubeSim", "KubeModel", "Isolation", "Processes"]),
    .executableTarget(
      name: "kubelab",
      dependencies: [
        "KubeModel",
        "KubeClient",
        "KubeSim",
        "LabKit",
        "ContainerHost",
        "Isolation",
        "NodeHost",
        "Processes",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOWebSocket", package: "swift-nio"),
      ],
      resources: [.copy("Web/Page")]
    ),
    .executableTarget(
      name: "kubelab-benchmark",
      dependencies: ["KubeClient", "KubeModel", "KubeSim", "TestSupport"]
    ),
    .target(
      name: "TestSupport", dependencies: ["KubeModel", "KubeSim", "LabKit", "ContainerHost", "Isolation", "Processes"],
      path: "Tests/Support"),
    .testTarget(name: "NodeHostTests", dependencies: ["NodeHost", "NodeTools", "KubeSim", "KubeModel", "TestSupport"]),
    .testTarget(name: "KubeModelTests", dependencies: ["KubeModel", "TestSupport"]),
    .testTarget(name: "KubeClientTests", dependencies: ["KubeClient", "KubeSim", "KubeModel", "TestSupport"]),
    .testTarget(name: "LabKitTests", dependencies: ["LabKit", "KubeClient", "KubeSim", "KubeModel", "TestSupport"]),
    .testTarget(name: "KubeSimTests", dependencies: ["KubeSim", "KubeModel", "Processes", "TestSupport"]),
    .testTarget(name: "LabsTests", dependencies: ["LabKit", "KubeModel", "TestSupport"]),
    .testTarget(name: "IsolationTests", dependencies: ["Isolation", "Processes"]),
    .testTarget(name: "ProcessesTests", dependencies: ["Processes"]),
    .testTarget(
      name: "ContainerHostTests", dependencies: ["ContainerHost", "KubeSim", "KubeModel", "Processes", "TestSupport"]),
    .testTarget(
      name: "NodeToolsTests",
      dependencies: [
        "NodeTools", "KubeSim", "KubeModel", "TestSupport", .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "X509", package: "swift-certificates"),
      ]
    ),
    .testTarget(name: "CLITests", dependencies: ["KubeModel", "LabKit", "Processes", "TestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
