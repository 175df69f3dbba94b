namespace Shipgate.Containers.Tests.Images;

/// <summary>Package databases and release files in the formats the distributions write.</summary>
internal static class SampleFiles
{
    public const string DebianOsRelease = """
        PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
        NAME="Debian GNU/Linux"
        VERSION_ID="12"
        VERSION="12 (bookworm)"
        VERSION_CODENAME=bookworm
        ID=debian
        HOME_URL="https://www.debian.org/"
        """;

    public const string DpkgStatus = """
        Package: libssl3
        Status: install ok installed
        Priority: optional
        Section: libs
        Installed-Size: 6162
        Maintainer: Debian OpenSSL Team <pkg-openssl-devel@alioth-lists.debian.net>
        Architecture: amd64
        Multi-Arch: same
        Source: openssl
        Version: 3.0.11-1~deb12u2
        Depends: libc6 (>= 2.34)
        Description: Secure Sockets Layer toolkit - shared libraries
         This package is part of the OpenSSL project's implementation of the SSL
         and TLS cryptographic protocols for secure communication over the
         Internet.

        Package: libc6
        Status: install ok installed
        Architecture: amd64
        Source: glibc (2.36-9+deb12u4)
        Version: 2.36-9+deb12u4
        Description: GNU C Library: Shared libraries

        Package: tzdata
        Status: deinstall ok config-files
        Architecture: all
        Version: 2024a-0+deb12u1
        Description: time zone and daylight-saving time data

        Package: bash
        Status: install ok installed
        Architecture: amd64
        Version: 5.2.15-2+b2
        Description: GNU Bourne Again SHell

        """;

    public const string AlpineOsRelease = """
        NAME="Alpine Linux"
        ID=alpine
        VERSION_ID=3.19.1
        PRETTY_NAME="Alpine Linux v3.19"
        HOME_URL="https://alpinelinux.org/"
        """;

    public const string ApkInstalled = """
        C:Q1y3sJ0EcFlV3pqVyYgmkFSHRmN9c=
        P:musl
        V:1.2.4_git20230717-r4
        A:x86_64
        S:407877
        I:662528
        T:the musl c library (libc) implementation
        U:https://musl.libc.org/
        L:MIT
        o:musl
        m:Timo Teräs <timo.teras@iki.fi>
        t:1705054488
        F:lib
        R:ld-musl-x86_64.so.1

        C:Q1s0ZXaQV7UGNZqNT0Q6O4TbjbTkY=
        P:libcrypto3
        V:3.1.4-r5
        A:x86_64
        o:openssl
        F:usr/lib

        """;
}
