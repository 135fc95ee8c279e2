using FgsActors.Models.Learning;
using FgsActors.Models.Torch;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace FgsActors.Models.Tests.Learning;

public sealed class MomentumSgdTests
{
    [Fact]
    public void Matches_torch_optim_SGD_bit_for_bit()
    {
        TorchNative.EnsureLoaded();
        torch.set_num_threads(1);
        var ours = Run(useTorchSgd: false);
        // torch.optim.SGD can crash if a collection frees one of its temporary scalars mid-call, so no GC while it runs.
        Assert.True(GC.TryStartNoGCRegion(32 << 20), "could not enter a no-GC region");
        float[] reference;
        try
        {
            reference = Run(useTorchSgd: true);
        }
        finally
        {
            if (System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion)
                GC.EndNoGCRegion();
        }
        Assert.Equal(reference, ours);
    }

    private static float[] Run(bool useTorchSgd)
    {
        using var scope = torch.NewDisposeScope();
        var model = nn.Linear(6, 3);
        FlatWeights.Set(model, Enumerable.Range(0, 21).Select(i => (i % 7 - 3) * 0.05f).ToArray());
        var x = torch.tensor(Enumerable.Range(0, 24).Select(i => (i % 5 - 2) * 0.3f).ToArray(), [4, 6]);
        var y = torch.tensor(new long[] { 0, 2, 1, 2 }, [4]);
        var parameters = model.parameters().ToArray();
        using var torchSgd = useTorchSgd ? optim.SGD(parameters, 0.1, momentum: 0.9, weight_decay: 1e-3) : null;
        using var ourSgd = useTorchSgd ? null : new MomentumSgd(parameters, 0.1, momentum: 0.9, weightDecay: 1e-3);
        for (var step = 0; step < 4; step++)
        {
            using var stepScope = torch.NewDisposeScope();
            if (torchSgd is not null) torchSgd.zero_grad(); else ourSgd!.ZeroGrad();
            nn.functional.cross_entropy(model.forward(x), y).backward();
            if (torchSgd is not null) torchSgd.step(); else ourSgd!.Step();
        }
        return FlatWeights.Get(model);
    }
}
