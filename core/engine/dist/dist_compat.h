#pragma once

// c10d (PyTorch's distributed layer inside LibTorch) as both LibTorch versions ship it, and the
// differences between them. Engine-internal (includes Torch); the only file that includes c10d.
//
// Neither Debian's 1.13 nor PyTorch's 2.x CMake files define the macros that switch the c10d
// headers on, so they are defined here: USE_DISTRIBUTED always (CMake only compiles this code
// when the c10d headers exist), USE_C10D_GLOO when CMake found the Gloo headers (CGS_WITH_GLOO;
// Debian: libgloo-dev, a header-only companion of the Gloo inside libtorch), USE_C10D_NCCL when
// LibTorch has CUDA and the NCCL header was found (CGS_WITH_NCCL).
//
// 1.13 vs 2.x: in 1.13 ProcessGroupGloo/NCCL derive from c10d::ProcessGroup; in 2.x from
// c10d::Backend (ProcessGroup became a dispatcher over backends). Both have the same
// allreduce/broadcast/barrier signatures, so the engine holds a compat::C10dGroup. 2.x's
// createDeviceForHostname has a defaulted lazyInit argument; TCPStoreOptions::numWorkers is a
// c10::optional in 1.13 and a std::optional in 2.x (assignment works for both).

#ifndef USE_DISTRIBUTED
#define USE_DISTRIBUTED 1
#endif
#if defined(CGS_WITH_GLOO) && !defined(USE_C10D_GLOO)
#define USE_C10D_GLOO 1
#endif
#if defined(CGS_WITH_NCCL) && !defined(USE_C10D_NCCL)
#define USE_C10D_NCCL 1
#endif

#include "core/engine/torch_compat.h"

#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#if defined(CGS_WITH_GLOO)
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#endif
#if defined(CGS_WITH_NCCL)
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif

namespace cgs::compat {

#if TORCH_VERSION_MAJOR >= 2
using C10dGroup = c10d::Backend;
#else
using C10dGroup = c10d::ProcessGroup;
#endif

} // namespace cgs::compat
