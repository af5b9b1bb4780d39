#!/usr/bin/python3
"""Baseline for `cyclegan bench`: the official CycleGAN training step in Python PyTorch.

Re-implements (from the paper and its defaults, not copied) what the official pytorch-CycleGAN-and-pix2pix
`CycleGANModel.optimize_parameters()` does per iteration: forward both cycles, G step with the
discriminators frozen, D step on pooled fakes, LSGAN + L1 losses, Adam(2e-4, 0.5, 0.999), and
times it on random data at the same size and thread count as `cyclegan bench`.
Run with Debian's python3-torch:  /usr/bin/python3 bench/official_step.py --size 64 --threads 1
or with pip's PyTorch 2.x:  $(bash scripts/torch2-venv.sh)/bin/python bench/official_step.py ...
--precision bf16 runs the forward passes under torch.autocast (CPU bfloat16), as a user of the
official code would add it (the official code itself has no such option).
"""
import contextlib
import argparse
import random
import statistics
import time

import torch
import torch.nn as nn


def norm(c):
    return nn.InstanceNorm2d(c, affine=False, track_running_stats=False)


class ResnetBlock(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.conv_block = nn.Sequential(
            nn.ReflectionPad2d(1), nn.Conv2d(dim, dim, 3, bias=True), norm(dim), nn.ReLU(True),
            nn.ReflectionPad2d(1), nn.Conv2d(dim, dim, 3, bias=True), norm(dim))

    def forward(self, x):
        return x + self.conv_block(x)


def generator(blocks, ngf=64):
    layers = [nn.ReflectionPad2d(3), nn.Conv2d(3, ngf, 7, bias=True), norm(ngf), nn.ReLU(True)]
    for i in range(2):
        m = 2 ** i
        layers += [nn.Conv2d(ngf * m, ngf * m * 2, 3, 2, 1, bias=True), norm(ngf * m * 2), nn.ReLU(True)]
    layers += [ResnetBlock(ngf * 4) for _ in range(blocks)]
    for i in range(2):
        m = 2 ** (2 - i)
        layers += [nn.ConvTranspose2d(ngf * m, ngf * m // 2, 3, 2, 1, output_padding=1, bias=True),
                   norm(ngf * m // 2), nn.ReLU(True)]
    layers += [nn.ReflectionPad2d(3), nn.Conv2d(ngf, 3, 7), nn.Tanh()]
    return nn.Sequential(*layers)


def discriminator(ndf=64):
    lr = lambda: nn.LeakyReLU(0.2, True)
    return nn.Sequential(
        nn.Conv2d(3, ndf, 4, 2, 1), lr(),
        nn.Conv2d(ndf, ndf * 2, 4, 2, 1), norm(ndf * 2), lr(),
        nn.Conv2d(ndf * 2, ndf * 4, 4, 2, 1), norm(ndf * 4), lr(),
        nn.Conv2d(ndf * 4, ndf * 8, 4, 1, 1), norm(ndf * 8), lr(),
        nn.Conv2d(ndf * 8, 1, 4, 1, 1))


class Pool:
    def __init__(self, size=50):
        self.size, self.images = size, []

    def query(self, images):
        out = []
        for image in images.data:
            image = image.unsqueeze(0)
            if len(self.images) < self.size:
                self.images.append(image)
                out.append(image)
            elif random.uniform(0, 1) > 0.5:
                i = random.randint(0, self.size - 1)
                out.append(self.images[i].clone())
                self.images[i] = image
            else:
                out.append(image)
        return torch.cat(out, 0)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--size", type=int, default=64)
    p.add_argument("--blocks", type=int, default=6)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--steps", type=int, default=5)
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--precision", choices=["fp32", "bf16"], default="fp32")
    a = p.parse_args()
    autocast = (lambda: torch.autocast("cpu", dtype=torch.bfloat16)) if a.precision == "bf16" \
        else contextlib.nullcontext
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    gA, gB, dA, dB = generator(a.blocks), generator(a.blocks), discriminator(), discriminator()
    optG = torch.optim.Adam(list(gA.parameters()) + list(gB.parameters()), lr=2e-4, betas=(0.5, 0.999))
    optD = torch.optim.Adam(list(dA.parameters()) + list(dB.parameters()), lr=2e-4, betas=(0.5, 0.999))
    mse, l1 = nn.MSELoss(), nn.L1Loss()
    gan = lambda pred, real: mse(pred, torch.full_like(pred, 1.0 if real else 0.0))
    poolA, poolB = Pool(), Pool()
    realA = torch.rand(1, 3, a.size, a.size) * 2 - 1
    realB = torch.rand(1, 3, a.size, a.size) * 2 - 1
    times = []
    for step in range(a.warmup + a.steps):
        t0 = time.perf_counter()
        with autocast():
            fakeB = gA(realA); recA = gB(fakeB); fakeA = gB(realB); recB = gA(fakeA)
        for d in (dA, dB):
            for q in d.parameters():
                q.requires_grad = False
        optG.zero_grad()
        with autocast():
            idtA = l1(gA(realB), realB) * 10 * 0.5
            idtB = l1(gB(realA), realA) * 10 * 0.5
            lossG = gan(dA(fakeB), True) + gan(dB(fakeA), True) + l1(recA, realA) * 10 + l1(recB, realB) * 10 + idtA + idtB
        lossG.backward()
        optG.step()
        for d in (dA, dB):
            for q in d.parameters():
                q.requires_grad = True
        optD.zero_grad()
        fb = poolB.query(fakeB)
        with autocast():
            lossDA = (gan(dA(realB), True) + gan(dA(fb.detach()), False)) * 0.5
        lossDA.backward()
        fa = poolA.query(fakeA)
        with autocast():
            lossDB = (gan(dB(realA), True) + gan(dB(fa.detach()), False)) * 0.5
        lossDB.backward()
        optD.step()
        if step >= a.warmup:
            times.append(time.perf_counter() - t0)
    ms = statistics.median(times) * 1000
    print(f"python official-equivalent step: {a.size}x{a.size}, {a.blocks} blocks, {a.threads} threads, "
          f"{a.precision}, torch {torch.__version__}: {ms:.1f} ms/step ({1000 / ms:.3f} it/s)")


if __name__ == "__main__":
    main()
