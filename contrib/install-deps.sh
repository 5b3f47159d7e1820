#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Install what gcc-redzone needs to build, test and run its demo on Debian 12.
set -e
pkgs="gcc g++ gcc-12-plugin-dev libgmp-dev make autoconf automake perl binutils
      dejagnu qemu-system-x86 csmith libcsmith-dev gdb valgrind gnuplot-nox gcc-12-source
      python3 python3-pyelftools libelf-dev libzydis-dev
      linux-source-6.1 xz-utils flex bison bc cpio patch libc6-dev
      gcc-11 g++-11 gcc-11-plugin-dev distcc
      debhelper dpkg-dev fakeroot lintian git"
if [ "$(id -u)" -eq 0 ]; then sudo=; else sudo=sudo; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $pkgs
