using FgsActors.Models.Torch;
using TorchSharp;

namespace FgsActors.Models.Learning;

/// <summary>
/// Prepares TorchSharp on the calling thread for one trainer or evaluator job: loads the native library
/// (<see cref="TorchNative.EnsureLoaded"/>) and asks for one intra-op thread.
/// <para>
/// TorchSharp 0.107 has no per-thread control: <c>torch.set_num_threads</c> is <c>at::set_num_threads</c>. With the
/// OpenMP backend that libtorch-cpu ships (libgomp), that call sets the calling thread's OpenMP thread count and the
/// process default that every thread picks up before its first parallel operation; threads that already ran one
/// keep their own count (checked with TorchSharp 0.107 / libtorch 2.10: a thread that set 1 still sees 1 after another
/// thread set 2). Calling it at the start of every job therefore gives each job's thread one intra-op thread whatever
/// other code did, and leaves the process default at 1. One thread per job is also what keeps a job's result the same
/// whether it runs alone or next to others, and it is fastest for small models, where splitting a 5×5 convolution
/// over cores costs more in synchronisation than it saves; jobs run in parallel instead.
/// </para>
/// </summary>
public static class TorchRuntime
{
    /// <summary>Intra-op threads each job uses.</summary>
    public const int IntraOpThreadsPerJob = 1;

    /// <summary>Idempotent and cheap; called by <see cref="LocalTrainer"/> and <see cref="Evaluator"/> on their thread.</summary>
    public static void PrepareCurrentThread()
    {
        TorchNative.EnsureLoaded();
        torch.set_num_threads(IntraOpThreadsPerJob);
    }
}
