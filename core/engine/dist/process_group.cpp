#include "core/engine/dist/process_group.h"

#include "core/engine/dist/dist_compat.h"
#include "core/engine/dist/distributed_error.h"
#include "core/engine/dist/rank_monitor.h"
#include "core/engine/error.h"

#include <cstdlib>
#include <stdexcept>
#include <thread>

namespace cgs {
namespace {

using Ms = std::chrono::milliseconds;

std::vector<uint8_t> bytes(const std::string &s) { return {s.begin(), s.end()}; }
std::string text(const std::vector<uint8_t> &b) { return {b.begin(), b.end()}; }

bool contains(const std::string &s, const char *what) { return s.find(what) != std::string::npos; }

std::string errorText(const std::exception &e) {
    if (const auto *c = dynamic_cast<const c10::Error *>(&e))
        return c->what_without_backtrace();
    return e.what();
}

std::string where(const DistEnv &env) {
    return env.masterAddr + ":" + std::to_string(env.masterPort);
}

// The store, with the causes of a failed rendezvous in words a user can act on.
c10::intrusive_ptr<c10d::TCPStore> connectStore(const DistEnv &env, Ms timeout) {
    c10d::TCPStoreOptions opts;
    opts.port = static_cast<std::uint16_t>(env.masterPort);
    opts.isServer = env.rank == 0;
    opts.numWorkers = static_cast<std::size_t>(env.worldSize);
    opts.waitWorkers = true;
    opts.timeout = timeout;
    try {
        return c10::make_intrusive<c10d::TCPStore>(env.masterAddr, opts);
    } catch (const std::exception &e) {
        const std::string msg = errorText(e);
        const double seconds = timeout.count() / 1000.0;
        if (env.rank == 0 && (contains(msg, "in use") || contains(msg, "errno: 98") ||
                              contains(msg, "failed to listen") || contains(msg, "bind")))
            throw DistributedError("Rank 0 cannot serve the job's store on " + where(env) +
                                   ": the port is in use or the address is not this machine's "
                                   "(another job? choose another MASTER_PORT / torchrun "
                                   "--master_port): " + msg.substr(0, 300));
        if (env.rank == 0)
            throw DistributedError("Not all " + std::to_string(env.worldSize) +
                                   " ranks joined the job at " + where(env) + " within " +
                                   std::to_string(seconds) + " s (--dist_timeout): " +
                                   msg.substr(0, 300));
        throw DistributedError("Rank " + std::to_string(env.rank) + " cannot reach the master " +
                               where(env) + " within " + std::to_string(seconds) +
                               " s (--dist_timeout): is rank 0 running, MASTER_ADDR right and "
                               "the port open? (" + msg.substr(0, 300) + ")");
    }
}

std::string chooseBackend(const DistOptions &o, const std::string &device) {
    const bool cuda = device.rfind("cuda", 0) == 0;
    std::string backend = o.backend;
    if (backend == "auto") {
#if defined(CGS_WITH_NCCL)
        backend = cuda ? "nccl" : "gloo";
#else
        backend = "gloo";
#endif
    }
    if (backend == "nccl" && !cuda)
        throw ConfigError("--dist_backend nccl needs a CUDA device (--device cuda); on the CPU "
                          "use --dist_backend gloo");
#if !defined(CGS_WITH_NCCL)
    if (backend == "nccl")
        throw ConfigError("--dist_backend nccl: this build has no NCCL (LibTorch without CUDA "
                          "or no nccl.h at build time); use --dist_backend gloo");
#endif
#if !defined(CGS_WITH_GLOO)
    if (backend == "gloo")
        throw ConfigError("--dist_backend gloo: this build has no Gloo (the Gloo headers were "
                          "missing at build time; Debian: libgloo-dev)");
#endif
    return backend;
}

c10::intrusive_ptr<compat::C10dGroup> makeGroup(const std::string &backend, const DistEnv &env,
                                                c10::intrusive_ptr<c10d::Store> store,
                                                Ms timeout) {
#if defined(CGS_WITH_NCCL)
    if (backend == "nccl") {
        auto opts = c10d::ProcessGroupNCCL::Options::create();
        opts->timeout = timeout;
        return c10::make_intrusive<c10d::ProcessGroupNCCL>(store, env.rank, env.worldSize, opts);
    }
#endif
#if defined(CGS_WITH_GLOO)
    auto opts = c10d::ProcessGroupGloo::Options::create(timeout);
    const std::string &host = env.masterAddr;
    const bool loopback = host == "localhost" || host.rfind("127.", 0) == 0 || host == "::1";
    if (const char *ifname = std::getenv("GLOO_SOCKET_IFNAME"); ifname && *ifname)
        opts->devices.push_back(c10d::ProcessGroupGloo::createDeviceForInterface(ifname));
    else if (loopback)
        opts->devices.push_back(c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1"));
    else
        opts->devices.push_back(c10d::ProcessGroupGloo::createDefaultDevice());
    opts->threads = 2;
    return c10::make_intrusive<c10d::ProcessGroupGloo>(store, env.rank, env.worldSize, opts);
#else
    (void)env, (void)store, (void)timeout;
    throw ConfigError("No distributed backend '" + backend + "' in this build");
#endif
}

} // namespace

struct ProcessGroup::Impl {
    DistEnv env;
    DistOptions options;
    std::string backend;
    c10::intrusive_ptr<c10d::TCPStore> store;
    c10::intrusive_ptr<compat::C10dGroup> group;
    std::unique_ptr<RankMonitor> monitor;
    std::int64_t sequence = 0; // store exchanges so far (same on every rank)

    std::string key(const char *what, int rank) const {
        return "cgs/" + std::string(what) + "/" + std::to_string(sequence) + "/" +
               std::to_string(rank);
    }
    // Rank 0 serves the store: it must not leave (and take the store with it, for instance to
    // report an error that every rank just read) before the others have read what they need.
    void mainWaitsForReaders(const char *what) {
        const std::string key = "cgs/" + std::string(what) + "/" + std::to_string(sequence) + "/read";
        if (env.rank != 0) {
            store->add(key, 1);
            return;
        }
        const auto deadline = std::chrono::steady_clock::now() +
                              Ms(static_cast<std::int64_t>(options.timeoutSeconds * 1000));
        while (store->add(key, 0) < env.worldSize - 1) {
            if (std::chrono::steady_clock::now() > deadline)
                throw std::runtime_error("timed out waiting for the other ranks to read '" +
                                         std::string(what) + "'");
            std::this_thread::sleep_for(Ms(5));
        }
    }
    [[noreturn]] void fail(const std::exception &e) {
        throw DistributedError(monitor->diagnose(errorText(e)));
    }
    template <class Fn> auto guarded(Fn &&fn) -> decltype(fn()) {
        try {
            return fn();
        } catch (const Error &) {
            throw;
        } catch (const std::exception &e) {
            fail(e);
        }
    }
};

ProcessGroup::ProcessGroup(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
ProcessGroup::~ProcessGroup() = default;

std::shared_ptr<ProcessGroup> ProcessGroup::join(const DistEnv &env, const DistOptions &options,
                                                 const std::string &device) {
    options.validate();
    auto d = std::make_unique<Impl>();
    d->env = env;
    d->options = options;
    d->backend = chooseBackend(options, device);
    const Ms timeout(static_cast<std::int64_t>(options.timeoutSeconds * 1000));
    d->store = connectStore(env, timeout);
    try {
        auto prefixed = c10::make_intrusive<c10d::PrefixStore>("pg", d->store);
        d->group = makeGroup(d->backend, env, prefixed, timeout);
    } catch (const Error &) {
        throw;
    } catch (const std::exception &e) {
        throw DistributedError("Rank " + std::to_string(env.rank) + " could not build the " +
                               d->backend + " process group with the other ranks (" +
                               where(env) + "): " + errorText(e).substr(0, 400));
    }
    d->monitor = std::make_unique<RankMonitor>(d->store, env.masterAddr, env.masterPort,
                                               env.rank, env.worldSize, timeout);
    return std::shared_ptr<ProcessGroup>(new ProcessGroup(std::move(d)));
}

int ProcessGroup::rank() const { return m_impl->env.rank; }
int ProcessGroup::worldSize() const { return m_impl->env.worldSize; }
const DistEnv &ProcessGroup::env() const { return m_impl->env; }
std::string ProcessGroup::backendName() const { return m_impl->backend; }
double ProcessGroup::timeoutSeconds() const { return m_impl->options.timeoutSeconds; }

void ProcessGroup::allReduceSum(std::vector<at::Tensor> &tensors) {
    m_impl->guarded([&] {
        std::vector<c10::intrusive_ptr<c10d::Work>> works;
        for (auto &t : tensors) {
            std::vector<at::Tensor> one{t};
            works.push_back(m_impl->group->allreduce(one));
        }
        for (auto &w : works)
            w->wait();
    });
}

void ProcessGroup::broadcast(std::vector<at::Tensor> &tensors, int root) {
    m_impl->guarded([&] {
        std::vector<c10::intrusive_ptr<c10d::Work>> works;
        c10d::BroadcastOptions opts;
        opts.rootRank = root;
        for (auto &t : tensors) {
            std::vector<at::Tensor> one{t};
            works.push_back(m_impl->group->broadcast(one, opts));
        }
        for (auto &w : works)
            w->wait();
    });
}

void ProcessGroup::barrier() {
    m_impl->guarded([&] { m_impl->group->barrier()->wait(); });
}

std::vector<std::string> ProcessGroup::allGather(const std::string &value) {
    Impl &d = *m_impl;
    return d.guarded([&] {
        d.store->set(d.key("all", d.env.rank), bytes(value));
        std::vector<std::string> out;
        for (int r = 0; r < d.env.worldSize; ++r)
            out.push_back(r == d.env.rank ? value : text(d.store->get(d.key("all", r))));
        d.mainWaitsForReaders("all");
        ++d.sequence;
        return out;
    });
}

std::vector<std::string> ProcessGroup::gatherToMain(const std::string &value) {
    Impl &d = *m_impl;
    return d.guarded([&] {
        std::vector<std::string> out;
        if (d.env.rank != 0) {
            d.store->set(d.key("gather", d.env.rank), bytes(value));
        } else {
            out.push_back(value);
            for (int r = 1; r < d.env.worldSize; ++r) {
                out.push_back(text(d.store->get(d.key("gather", r))));
                d.store->deleteKey(d.key("gather", r)); // states can be large: free the store
            }
        }
        ++d.sequence;
        return out;
    });
}

std::string ProcessGroup::shareFromMain(const std::string &value) {
    Impl &d = *m_impl;
    return d.guarded([&] {
        if (d.env.rank == 0)
            d.store->set(d.key("share", 0), bytes(value));
        std::string out = d.env.rank == 0 ? value : text(d.store->get(d.key("share", 0)));
        d.mainWaitsForReaders("share");
        ++d.sequence;
        return out;
    });
}

bool ProcessGroup::anyOf(bool flag) {
    std::vector<at::Tensor> t{torch::full({1}, flag ? 1 : 0, torch::kInt32)};
    if (m_impl->backend == "nccl")
        t[0] = t[0].to(torch::Device(torch::kCUDA, m_impl->env.localRank));
    allReduceSum(t);
    return t[0].item<int>() > 0;
}

void ProcessGroup::setProgress(std::int64_t step) { m_impl->monitor->setProgress(step); }

void ProcessGroup::reportFailure(const std::string &message) noexcept {
    m_impl->monitor->reportFailure(message);
}

} // namespace cgs
