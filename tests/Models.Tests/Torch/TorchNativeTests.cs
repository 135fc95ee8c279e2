using FgsActors.Models.Torch;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace FgsActors.Models.Tests.Torch;

public sealed class TorchNativeTests
{
    [Fact]
    public void Patches_only_when_the_system_libstdcxx_is_too_old()
    {
        var result = TorchNative.EnsureLoaded();
        if (!OperatingSystem.IsLinux())
        {
            Assert.Equal(TorchNativeAction.NotLinux, result.Action);
            return;
        }
        var tooOld = SystemLibStdCxx.NewestProvided().CompareTo(GlibcxxVersion.TryParse("GLIBCXX_3.4.32")) < 0;
        Assert.Equal(tooOld ? TorchNativeAction.Patched : TorchNativeAction.Untouched, result.Action);
        if (tooOld)
            Assert.True(File.Exists(result.LoadedPath), result.ToString());
    }

    [Fact]
    public void Is_idempotent_under_concurrent_calls()
    {
        var results = Enumerable.Range(0, 8).AsParallel().Select(_ => TorchNative.EnsureLoaded()).ToArray();
        Assert.All(results, r => Assert.Same(results[0], r));
    }

    [Fact]
    public void A_small_model_trains_one_step()
    {
        TorchNative.EnsureLoaded();
        torch.set_num_threads(1);
        torch.manual_seed(42);
        using var scope = torch.NewDisposeScope();

        var model = nn.Linear(4, 2);
        var x = torch.tensor(new float[] { 1, 2, 3, 4, -1, 0, 1, 2, 0.5f, -0.5f, 1, -1 }, [3, 4]);
        var y = torch.tensor(new float[] { 1, 0, 0, 1, 0.5f, 0.5f }, [3, 2]);
        var lossFn = nn.MSELoss();
        // A plain SGD step with its scalar held alive: TorchSharp 0.107's optim.SGD passes temporaries that a garbage
        // collection on another test's thread can free mid-step (see src/Models/Learning/MomentumSgd.cs).
        using var step = (-0.05).ToScalar();

        var before = lossFn.forward(model.forward(x), y);
        before.backward();
        using (torch.no_grad())
        {
            foreach (var p in model.parameters()) p.add_(p.grad!, step);
        }
        var after = lossFn.forward(model.forward(x), y);

        double b = before.item<float>(), a = after.item<float>();
        Assert.True(double.IsFinite(b) && double.IsFinite(a), $"loss {b} -> {a}");
        Assert.True(a < b, $"loss did not decrease: {b} -> {a}");
    }
}
