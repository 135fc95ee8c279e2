using TorchSharp;
using static TorchSharp.torch;

namespace FgsActors.Models.Learning;

/// <summary>
/// A module's trainable parameters as one float[] in <c>named_parameters</c> order (for a <see cref="NetworkSpec"/>
/// module: <see cref="NetworkSpec.ParameterLayout"/>), so that aggregation and deltas are plain array arithmetic.
/// Parameters must be float32; <see cref="Get"/> and <see cref="CopyTo"/> read them from any device (copying to the
/// CPU), <see cref="Set"/> writes CPU parameters only (load the weights, then move the module).
/// </summary>
public static class FlatWeights
{
    /// <summary>Total parameter elements of <paramref name="module"/>.</summary>
    public static int Count(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        long total = 0;
        foreach (var (_, p) in module.named_parameters())
            total += p.numel();
        return checked((int)total);
    }

    /// <summary>Names, offsets and lengths of the parameters in the flat vector.</summary>
    public static IReadOnlyList<ParameterSlice> Layout(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var slices = new List<ParameterSlice>();
        var offset = 0;
        foreach (var (name, p) in module.named_parameters())
        {
            var length = checked((int)p.numel());
            slices.Add(new ParameterSlice(name, offset, length));
            offset = checked(offset + length);
        }
        return slices;
    }

    /// <summary>A copy of all parameters, concatenated.</summary>
    public static float[] Get(nn.Module module)
    {
        var result = new float[Count(module)];
        CopyTo(module, result);
        return result;
    }

    /// <summary>
    /// Copies all parameters into <paramref name="destination"/>, whose length must equal <see cref="Count"/>;
    /// parameters on another device (a GPU) are copied to the CPU first.
    /// </summary>
    public static void CopyTo(nn.Module module, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(module);
        var offset = 0;
        foreach (var (name, p) in module.named_parameters())
        {
            CheckFloat(name, p);
            var length = checked((int)p.numel());
            if (offset + length > destination.Length)
                throw new ArgumentException($"destination holds {destination.Length} floats, the module has more (at {name})", nameof(destination));
            using var detached = p.detach();
            using var host = detached.device_type == DeviceType.CPU ? null : detached.cpu();
            using var contiguous = (host ?? detached).contiguous();
            using var accessor = contiguous.data<float>();
            accessor.CopyTo(destination.Slice(offset, length), 0, 0);
            offset += length;
        }
        if (offset != destination.Length)
            throw new ArgumentException($"destination holds {destination.Length} floats, the module has {offset}", nameof(destination));
    }

    /// <summary>
    /// Overwrites all parameters from <paramref name="weights"/>, whose length must equal <see cref="Count"/>; the
    /// parameters must be on the CPU.
    /// </summary>
    public static void Set(nn.Module module, ReadOnlySpan<float> weights)
    {
        ArgumentNullException.ThrowIfNull(module);
        var expected = Count(module);
        if (weights.Length != expected)
            throw new ArgumentException($"weights hold {weights.Length} floats, the module has {expected} parameters", nameof(weights));
        var offset = 0;
        using var noGrad = torch.no_grad();
        foreach (var (name, p) in module.named_parameters())
        {
            CheckFloatCpu(name, p);
            if (!p.is_contiguous())
                throw new InvalidOperationException($"parameter {name} is not contiguous");
            var length = checked((int)p.numel());
            using var accessor = p.data<float>();
            accessor.CopyFrom(weights.Slice(offset, length), 0, 0);
            offset += length;
        }
    }

    private static void CheckFloat(string name, Tensor p)
    {
        if (p.dtype != ScalarType.Float32)
            throw new NotSupportedException($"parameter {name} is {p.dtype}; flat weights need float32");
    }

    private static void CheckFloatCpu(string name, Tensor p)
    {
        if (p.dtype != ScalarType.Float32 || p.device_type != DeviceType.CPU)
            throw new NotSupportedException(
                $"parameter {name} is {p.dtype} on {p.device_type}; flat weights are written into float32 CPU parameters (load them, then move the module)");
    }
}
