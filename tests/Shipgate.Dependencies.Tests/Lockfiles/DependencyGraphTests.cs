using Shipgate.Dependencies.Lockfiles;
using Shipgate.Dependencies.Sbom;

namespace Shipgate.Dependencies.Tests.Lockfiles;

/// <summary>
/// Dependency edges and directness for the formats that record them beyond package-lock.json and Cargo.lock: pnpm
/// (5.x, 6, 9), yarn (classic and Berry), poetry, uv and pdm; and that the SBOM graph picks them up.
/// </summary>
public sealed class DependencyGraphTests
{
    private static Dictionary<string, Package> Parse(ILockfileParser parser, string content) =>
        parser.Parse(content.ReplaceLineEndings("\n"), "/project/" + parser.Format).ToDictionary(p => p.Name + "@" + p.Version);

    private static string[] Edges(Package package) => [.. (package.DependsOn ?? []).Select(id => id.Name + "@" + id.Version).Order(StringComparer.Ordinal)];

    [Fact]
    public void Pnpm_v9_reads_edges_from_snapshots_and_direct_packages_from_importers()
    {
        var packages = Parse(new PnpmLockParser(), """
            lockfileVersion: '9.0'
            importers:
              .:
                dependencies:
                  express:
                    specifier: ^4.19.0
                    version: 4.19.2
                devDependencies:
                  left-pad:
                    specifier: 1.3.0
                    version: 1.3.0
            packages:
              express@4.19.2:
                resolution: {integrity: sha512-AAAA}
              ms@2.1.3:
                resolution: {integrity: sha512-BBBB}
              debug@4.3.4:
                resolution: {integrity: sha512-CCCC}
              left-pad@1.3.0:
                resolution: {integrity: sha512-DDDD}
            snapshots:
              express@4.19.2:
                dependencies:
                  debug: 4.3.4(supports-color@8.1.1)
              debug@4.3.4(supports-color@8.1.1):
                dependencies:
                  ms: 2.1.3
                optionalDependencies:
                  supports-color: 8.1.1
              ms@2.1.3: {}
              left-pad@1.3.0: {}
            """);

        Edges(packages["express@4.19.2"]).ShouldBe(["debug@4.3.4"]);
        Edges(packages["debug@4.3.4"]).ShouldBe(["ms@2.1.3", "supports-color@8.1.1"]);
        Edges(packages["ms@2.1.3"]).ShouldBeEmpty();
        packages["express@4.19.2"].Direct.ShouldBe(true);
        packages["left-pad@1.3.0"].Direct.ShouldBe(true);
        packages["debug@4.3.4"].Direct.ShouldBe(false);
    }

    [Fact]
    public void Pnpm_v6_and_v5_read_edges_from_packages()
    {
        var v6 = Parse(new PnpmLockParser(), """
            lockfileVersion: '6.0'
            dependencies:
              a:
                specifier: ^1.0.0
                version: 1.0.0
            packages:
              /a@1.0.0:
                resolution: {integrity: sha512-AAAA}
                dependencies:
                  b: 2.0.0(c@3.0.0)
                  alias: /real@1.1.0
              /b@2.0.0(c@3.0.0):
                resolution: {integrity: sha512-BBBB}
              /real@1.1.0:
                resolution: {integrity: sha512-CCCC}
            """);
        Edges(v6["a@1.0.0"]).ShouldBe(["b@2.0.0", "real@1.1.0"]);
        v6["a@1.0.0"].Direct.ShouldBe(true);
        v6["real@1.1.0"].Direct.ShouldBe(false);

        var v5 = Parse(new PnpmLockParser(), """
            lockfileVersion: 5.4
            specifiers:
              a: ^1.0.0
            dependencies:
              a: 1.0.0
            packages:
              /a/1.0.0:
                resolution: {integrity: sha512-AAAA}
                dependencies:
                  '@s/b': 2.0.0_c@3.0.0
              /@s/b/2.0.0_c@3.0.0:
                resolution: {integrity: sha512-BBBB}
            """);
        Edges(v5["a@1.0.0"]).ShouldBe(["@s/b@2.0.0"]);
        v5["a@1.0.0"].Direct.ShouldBe(true);
        v5["@s/b@2.0.0"].Direct.ShouldBe(false);
    }

    [Fact]
    public void Yarn_classic_resolves_each_dependency_range_to_the_entry_that_lists_it()
    {
        var packages = Parse(new YarnLockParser(), """
            # yarn lockfile v1


            "@babel/code-frame@^7.0.0", "@babel/code-frame@^7.10.4":
              version "7.12.13"
              resolved "https://registry.yarnpkg.com/@babel/code-frame/-/code-frame-7.12.13.tgz"
              integrity sha512-AAAA
              dependencies:
                "@babel/highlight" "^7.12.13"

            "@babel/highlight@^7.12.13":
              version "7.13.10"
              dependencies:
                js-tokens "^3.0.0 || ^4.0.0"
              optionalDependencies:
                missing "^1.0.0"

            js-tokens@^4.0.0, "js-tokens@^3.0.0 || ^4.0.0":
              version "4.0.0"
            """);

        Edges(packages["@babel/code-frame@7.12.13"]).ShouldBe(["@babel/highlight@7.13.10"]);
        Edges(packages["@babel/highlight@7.13.10"]).ShouldBe(["js-tokens@4.0.0"]);
        Edges(packages["js-tokens@4.0.0"]).ShouldBeEmpty();
        packages["js-tokens@4.0.0"].Direct.ShouldBeNull();
    }

    [Fact]
    public void Yarn_berry_resolves_descriptors_with_the_npm_protocol_and_takes_direct_packages_from_the_root_workspace()
    {
        var packages = Parse(new YarnLockParser(), """
            __metadata:
              version: 8
              cacheKey: 10

            "@babel/code-frame@npm:^7.0.0":
              version: 7.12.13
              resolution: "@babel/code-frame@npm:7.12.13"
              dependencies:
                "@babel/highlight": "npm:^7.12.13"
                js-tokens: ^4.0.0
              languageName: node
              linkType: hard

            "@babel/highlight@npm:^7.12.13":
              version: 7.13.10
              resolution: "@babel/highlight@npm:7.13.10"
              languageName: node
              linkType: hard

            "js-tokens@npm:^4.0.0":
              version: 4.0.0
              resolution: "js-tokens@npm:4.0.0"
              languageName: node
              linkType: hard

            "app@workspace:.":
              version: 0.0.0-use.local
              resolution: "app@workspace:."
              dependencies:
                "@babel/code-frame": "npm:^7.0.0"
              languageName: unknown
              linkType: soft
            """);

        Edges(packages["@babel/code-frame@7.12.13"]).ShouldBe(["@babel/highlight@7.13.10", "js-tokens@4.0.0"]);
        packages["@babel/code-frame@7.12.13"].Direct.ShouldBe(true);
        packages["js-tokens@4.0.0"].Direct.ShouldBe(false);
        packages.ShouldNotContainKey("app@0.0.0-use.local");
    }

    [Fact]
    public void Poetry_links_dependencies_by_normalised_name()
    {
        var packages = Parse(new PoetryLockParser(), """
            [[package]]
            name = "requests"
            version = "2.31.0"
            optional = false

            [package.dependencies]
            certifi = ">=2017.4.17"
            Charset_Normalizer = ">=2,<4"
            urllib3 = {version = ">=1.21.1,<3", optional = true}
            not-locked = "*"

            [[package]]
            name = "certifi"
            version = "2024.2.2"

            [[package]]
            name = "charset-normalizer"
            version = "3.3.2"

            [[package]]
            name = "urllib3"
            version = "2.2.1"
            """);

        Edges(packages["requests@2.31.0"]).ShouldBe(["certifi@2024.2.2", "charset-normalizer@3.3.2", "urllib3@2.2.1"]);
        Edges(packages["certifi@2024.2.2"]).ShouldBeEmpty();
        packages["requests@2.31.0"].Direct.ShouldBeNull();
    }

    [Fact]
    public void Uv_takes_edges_from_inline_tables_and_direct_packages_from_the_project()
    {
        var packages = Parse(new UvLockParser(), """
            version = 1

            [[package]]
            name = "app"
            version = "0.1.0"
            source = { virtual = "." }
            dependencies = [{ name = "requests" }]

            [package.dev-dependencies]
            dev = [{ name = "pytest" }]

            [[package]]
            name = "requests"
            version = "2.31.0"
            source = { registry = "https://pypi.org/simple" }
            dependencies = [{ name = "idna" }, { name = "numpy", version = "1.26.4", marker = "python_version >= '3.9'" }]

            [package.optional-dependencies]
            socks = [{ name = "pysocks" }]

            [[package]]
            name = "idna"
            version = "3.6"
            source = { registry = "https://pypi.org/simple" }

            [[package]]
            name = "numpy"
            version = "1.24.4"
            source = { registry = "https://pypi.org/simple" }

            [[package]]
            name = "numpy"
            version = "1.26.4"
            source = { registry = "https://pypi.org/simple" }

            [[package]]
            name = "pysocks"
            version = "1.7.1"
            source = { registry = "https://pypi.org/simple" }

            [[package]]
            name = "pytest"
            version = "8.0.0"
            source = { registry = "https://pypi.org/simple" }
            """);

        packages.ShouldNotContainKey("app@0.1.0");
        Edges(packages["requests@2.31.0"]).ShouldBe(["idna@3.6", "numpy@1.26.4", "pysocks@1.7.1"]);
        packages["requests@2.31.0"].Direct.ShouldBe(true);
        packages["pytest@8.0.0"].Direct.ShouldBe(true);
        packages["idna@3.6"].Direct.ShouldBe(false);
    }

    [Fact]
    public void Pdm_reads_the_names_of_requirement_strings()
    {
        var packages = Parse(new PdmLockParser(), """
            [[package]]
            name = "requests"
            version = "2.31.0"
            groups = ["default"]
            dependencies = ["certifi>=2017.4.17", "urllib3[socks]<3,>=1.21.1; python_version >= \"3.8\"", "Idna"]

            [[package]]
            name = "certifi"
            version = "2024.2.2"

            [[package]]
            name = "urllib3"
            version = "2.2.1"

            [[package]]
            name = "idna"
            version = "3.6"
            """);

        Edges(packages["requests@2.31.0"]).ShouldBe(["certifi@2024.2.2", "idna@3.6", "urllib3@2.2.1"]);
    }

    [Fact]
    public void The_sbom_graph_uses_the_new_edges()
    {
        var packages = new YarnLockParser().Parse("""
            "a@^1.0.0":
              version "1.0.0"
              dependencies:
                b "^2.0.0"

            "b@^2.0.0":
              version "2.0.0"
            """.ReplaceLineEndings("\n"), "/project/yarn.lock");

        var graph = SbomGraph.Build(packages);
        graph.HasGraph.ShouldBeTrue();
        graph.Components.Single(c => c.Package.Name == "a").DependsOn.ShouldBe(["pkg:npm/b@2.0.0"]);
        graph.Direct.ShouldBe(["pkg:npm/a@1.0.0"]);
    }
}
