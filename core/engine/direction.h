#pragma once

namespace cgs {

// Which generator translates: AToB is G_A (domain A -> B, e.g. photo -> Monet), BToA is G_B.
// Names follow the official CycleGAN code (netG_A: A -> B, netG_B: B -> A).
enum class Direction { AToB, BToA };

} // namespace cgs
