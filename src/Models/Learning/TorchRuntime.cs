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
    /// <summary>Intra-op threads each job uses by default.</summary>
    public const int IntraOpThreadsPerJob = 1;

    private static int _intraOpThreads = IntraOpThreadsPerJob;

    /// <summary>
    /// Intra-op threads per job (fgs.training.intra-op-threads), process-wide like libtorch's own setting; set it before
    /// jobs start. With more than one, a job's floating-point sums may be split differently from run to run, so
    /// bit-identical results are promised only with 1.
    /// </summary>
    public static int IntraOpThreads
    {
        get => Volatile.Read(ref _intraOpThreads);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            Volatile.Write(ref _intraOpThreads, value);
        }
    }

    private static int _cudaPrepared;

    /// <summary>Idempotent and cheap; called by <see cref="LocalTrainer"/> and <see cref="Evaluator"/> on their thread.</summary>
    public static void PrepareCurrentThread()
    {
        TorchNative.EnsureLoaded();
        torch.set_num_threads(IntraOpThreads);
    }

    /// <summary>
    /// <see cref="PrepareCurrentThread()"/>, and for a CUDA <paramref name="device"/> (once per process) turns off
    /// TF32 in cuDNN convolutions and cuBLAS matrix products, so that a GPU computes in float32 as the CPU does
    /// (libtorch's default lets cuDNN convolutions round their inputs to TF32 on Ampere and newer GPUs). Process-wide
    /// libtorch settings; nothing else in this process wants TF32.
    /// </summary>
    public static void PrepareCurrentThread(ComputeDevice device)
    {
        PrepareCurrentThread();
        if (device.IsCuda && Interlocked.Exchange(ref _cudaPrepared, 1) == 0)
        {
            torch.backends.cudnn.allow_tf32 = false;
            torch.backends.cuda.matmul.allow_tf32 = false;
        }
    }
}
