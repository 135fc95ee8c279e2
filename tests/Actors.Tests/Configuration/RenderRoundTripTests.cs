using FgsActors.Actors.Configuration;
using FgsActors.Simulation.Configuration;

namespace FgsActors.Actors.Tests.Configuration;

public sealed class RenderRoundTripTests : IDisposable
{
    private readonly TempConfigDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void RenderingThenReloadingBindsToTheSameSettings()
    {
        var scenario = _dir.Write("s.conf", """
            fgs {
              run { name = "odd name, é", model = sparse, seed = 18446744073709551615, end = "1 h" }
              kernel.partitions = 3
              phold { remote = 0.25, lookahead = 0.1s, mean = 2.5 }
              sparse { leaves = 12, send-fraction = 1e-3, jitter-mean = 0 }
              output.dir = "C:\\out \"dir\""
            }
            """);
        var first = HoconLoader.Load(scenario, ["fgs.kernel.workers=5"]);
        var rendered = ConfigRenderer.Render(first.Tree);
        var second = HoconLoader.Load(_dir.Write("effective.conf", rendered));

        Assert.Equal(FgsSettings.Bind(first.Tree, 4), FgsSettings.Bind(second.Tree, 4));
        Assert.Equal(first.Tree.Under("fgs").Select(e => (e.Path, e.Value)), second.Tree.Under("fgs").Select(e => (e.Path, e.Value)));
        Assert.Contains("    workers = 5  # --set\n", rendered);
        Assert.Contains($"    partitions = 3  # {scenario}:3\n", rendered);
        Assert.Contains("    events-per-lp = 1  # reference.conf\n", rendered);
    }
}
