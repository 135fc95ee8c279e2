using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace FgsActors.Models.Learning;

/// <summary>The kind of device a training or evaluation job computes on.</summary>
public enum ComputeDeviceType
{
    /// <summary>The CPU (the default).</summary>
    Cpu,

    /// <summary>One CUDA GPU, <see cref="ComputeDevice.Index"/>.</summary>
    Cuda,
}

/// <summary>
/// Where a job keeps its module, batches, optimiser state and FedProx anchors: the CPU or one CUDA GPU. A plain value
/// with no native handle, so jobs stay comparable records and nothing loads libtorch until a job runs;
/// <c>default</c> is the CPU. <see cref="DeviceResolution.Resolve"/> turns <c>fgs.training.device</c> into one.
/// </summary>
public readonly record struct ComputeDevice
{
    private ComputeDevice(ComputeDeviceType type, int index)
    {
        Type = type;
        Index = index;
    }

    /// <summary>The CPU.</summary>
    public static ComputeDevice Cpu => default;

    /// <summary>CUDA GPU <paramref name="index"/> (>= 0), TorchSharp's <c>cuda:N</c>.</summary>
    public static ComputeDevice Cuda(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return new ComputeDevice(ComputeDeviceType.Cuda, index);
    }

    public ComputeDeviceType Type { get; }

    /// <summary>The GPU's ordinal for <see cref="ComputeDeviceType.Cuda"/>; 0 for the CPU.</summary>
    public int Index { get; }

    public bool IsCpu => Type == ComputeDeviceType.Cpu;

    public bool IsCuda => Type == ComputeDeviceType.Cuda;

    /// <summary>TorchSharp's device. Call only once libtorch is loaded (<see cref="TorchRuntime.PrepareCurrentThread()"/>).</summary>
    public Device ToTorch() => IsCuda ? new Device(DeviceType.CUDA, Index) : CPU;

    /// <summary>TorchSharp's spelling: <c>cpu</c> or <c>cuda:N</c>.</summary>
    public override string ToString() => IsCuda ? "cuda:" + Index.ToString(CultureInfo.InvariantCulture) : "cpu";
}

/// <summary>What <c>fgs.training.device</c> asks for, before it is resolved against the machine.</summary>
public enum DevicePreference
{
    /// <summary>CUDA GPU 0 when CUDA is available to this build, otherwise the CPU.</summary>
    Auto,

    /// <summary>The CPU.</summary>
    Cpu,

    /// <summary>A CUDA GPU: GPU 0, or the index given with it (<c>cuda:N</c>).</summary>
    Cuda,
}

/// <summary>What the machine offers, as libtorch sees it; an interface so that resolution is testable without a GPU.</summary>
public interface ICudaInventory
{
    /// <summary>torch.cuda.is_available(): false in a CPU build (the default) and on machines without a usable GPU.</summary>
    bool IsAvailable();

    /// <summary>torch.cuda.device_count().</summary>
    int DeviceCount();
}

/// <summary>The inventory libtorch reports (loads the native library on first use).</summary>
public sealed class TorchCudaInventory : ICudaInventory
{
    public static TorchCudaInventory Instance { get; } = new();

    private TorchCudaInventory()
    {
    }

    public bool IsAvailable()
    {
        Torch.TorchNative.EnsureLoaded();
        return cuda.is_available();
    }

    public int DeviceCount()
    {
        Torch.TorchNative.EnsureLoaded();
        return cuda.device_count();
    }
}

/// <summary>
/// A requested device that this build or machine cannot provide. The message is written for the user but does not
/// name the configuration key (this layer does not know it); <see cref="Expected"/> and <see cref="Found"/> are the
/// parts a configuration error reports.
/// </summary>
public sealed class DeviceUnavailableException(string message, string expected, string found) : Exception(message)
{
    /// <summary>What would have been accepted on this machine, e.g. <c>auto or cpu</c>.</summary>
    public string Expected { get; } = expected;

    /// <summary>The request as written, e.g. <c>cuda:1</c>.</summary>
    public string Found { get; } = found;
}

/// <summary>Turns a <see cref="DevicePreference"/> into the <see cref="ComputeDevice"/> jobs run on.</summary>
public static class DeviceResolution
{
    /// <summary>
    /// <c>auto</c>: CUDA GPU 0 when <see cref="ICudaInventory.IsAvailable"/>, else the CPU. <c>cpu</c>: the CPU (CUDA
    /// is not queried). <c>cuda</c>: GPU 0 when CUDA is available. <c>cuda:N</c>: GPU N when N &lt;
    /// <see cref="ICudaInventory.DeviceCount"/>. Anything else throws <see cref="DeviceUnavailableException"/>.
    /// </summary>
    /// <param name="preference">What was asked for.</param>
    /// <param name="cudaIndex">N of <c>cuda:N</c> (>= 0); null for plain <c>cuda</c>; must be null unless <paramref name="preference"/> is CUDA.</param>
    /// <param name="cuda">What the machine offers (<see cref="TorchCudaInventory.Instance"/> outside tests).</param>
    public static ComputeDevice Resolve(DevicePreference preference, int? cudaIndex, ICudaInventory cuda)
    {
        ArgumentNullException.ThrowIfNull(cuda);
        if (cudaIndex is { } given && (preference != DevicePreference.Cuda || given < 0))
            throw new ArgumentOutOfRangeException(nameof(cudaIndex), cudaIndex, "only cuda takes a GPU index, and it is >= 0");
        switch (preference)
        {
            case DevicePreference.Cpu:
                return ComputeDevice.Cpu;
            case DevicePreference.Auto:
                return cuda.IsAvailable() ? ComputeDevice.Cuda(0) : ComputeDevice.Cpu;
            case DevicePreference.Cuda:
                var requested = Spelling(preference, cudaIndex);
                if (!cuda.IsAvailable())
                    throw new DeviceUnavailableException(
                        $"{requested} was requested, but no CUDA device is available to this build (torch.cuda.is_available() is false). " +
                        "A default build carries libtorch's CPU backend only; training on a GPU needs a build with -p:TorchBackend=cuda " +
                        "and a machine whose NVIDIA GPU and driver libtorch can use (see docs/torchsharp-native.md, section CUDA). " +
                        "Use auto or cpu to train on the CPU",
                        "auto or cpu (no CUDA device is available)", requested);
                if (cudaIndex is not { } index)
                    return ComputeDevice.Cuda(0);
                var count = cuda.DeviceCount();
                if (index >= count)
                {
                    var valid = count switch { <= 0 => "none", 1 => "cuda:0", _ => $"cuda:0 to cuda:{count - 1}" };
                    throw new DeviceUnavailableException(
                        $"{requested} was requested, but libtorch sees {count} CUDA device{(count == 1 ? "" : "s")} ({valid}); " +
                        "GPU indices count from 0 in the order CUDA numbers them (CUDA_VISIBLE_DEVICES applies)",
                        count <= 0 ? "auto or cpu" : $"auto, cpu, cuda or {valid}", requested);
                }
                return ComputeDevice.Cuda(index);
            default:
                throw new ArgumentOutOfRangeException(nameof(preference), preference, "unknown device preference");
        }
    }

    /// <summary>The configuration spelling of a request: <c>auto</c>, <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    public static string Spelling(DevicePreference preference, int? cudaIndex) => preference switch
    {
        DevicePreference.Cpu => "cpu",
        DevicePreference.Cuda => cudaIndex is { } i ? "cuda:" + i.ToString(CultureInfo.InvariantCulture) : "cuda",
        _ => "auto",
    };
}
