using FgsActors.Models.Checkpoints;
using FgsActors.Models.Learning;

namespace FgsActors.Models.Tests.Checkpoints;

/// <summary>The server strategies' checkpoint state: FedAvgM's velocity survives bit for bit, the others keep none.</summary>
public sealed class ServerStrategyStateTests
{
    private static readonly float[] Global = [0.5f, -1.25f, 3f, 0.1f];

    private static ClientUpdate[] Round(int round) =>
    [
        new(2, [0.3f * round, -0.7f, 0.011f, 1f / 3], 5),
        new(0, [-0.2f, 0.05f * round, 0.9f, -1f / 7], 3),
        new(1, [1.1f, -0.4f, -0.013f * round, 0.25f], 11),
    ];

    /// <summary>A FedAvgM (β = 0.9, η = 0.7) after two rounds, and the global model they lead to.</summary>
    private static (FedAvgM Strategy, float[] Global) AfterTwoRounds()
    {
        var strategy = new FedAvgM(0.9, 0.7);
        var global = strategy.Apply(Global, Round(1));
        return (strategy, strategy.Apply(global, Round(2)));
    }

    [Fact]
    public void FedAvgM_restored_from_its_state_saves_the_same_bytes_and_takes_the_next_step_bit_for_bit()
    {
        var (original, global) = AfterTwoRounds();
        var twin = new FedAvgM(0.9, 0.7);

        var bytes = StateBytes.CopyInto(original, twin);

        // Length 4, then four doubles.
        Assert.Equal(4 + 4 * 8, bytes.Length);
        Assert.Equal(original.Velocity, twin.Velocity);
        var expected = original.Apply(global, Round(3));
        Assert.Equal(expected, twin.Apply(global, Round(3)));
        Assert.Equal(original.Velocity, twin.Velocity);
        // Without the velocity the step differs: the state matters.
        Assert.NotEqual(expected, new FedAvgM(0.9, 0.7).Apply(global, Round(3)));
    }

    [Fact]
    public void FedAvgM_before_its_first_round_saves_no_velocity_and_loading_that_clears_a_velocity()
    {
        var bytes = StateBytes.Save(new FedAvgM(0.5));
        var other = new FedAvgM(0.5);
        other.Apply(Global, Round(1));

        StateBytes.Load(other, bytes);

        Assert.Equal([0xff, 0xff, 0xff, 0xff], bytes); // length −1: null
        Assert.Null(other.Velocity);
    }

    [Fact]
    public void A_cut_off_FedAvgM_state_fails_to_load()
    {
        var (original, _) = AfterTwoRounds();

        StateBytes.AssertEveryCutThrows(StateBytes.Save(original), new FedAvgM(0.9, 0.7));
    }

    [Fact]
    public void FedAvg_and_FedProx_save_nothing()
    {
        IServerStrategy[] strategies = [new FedAvg(), new FedProx(0.01)];
        foreach (var strategy in strategies)
        {
            strategy.Apply(Global, Round(1));
            Assert.Empty(StateBytes.Save(strategy));
        }
    }

    [Fact]
    public void A_strategy_checkpoint_loads_only_into_the_same_strategy_and_model_size()
    {
        var (original, _) = AfterTwoRounds();
        var bytes = Save(original);

        var same = new FedAvgM(0.9, 0.7);
        Load(bytes, same, Global.Length);
        Assert.Equal(original.Velocity, same.Velocity);

        Assert.Contains("fedavgm", Assert.Throws<CheckpointFormatException>(() => Load(bytes, new FedAvg(), Global.Length)).Message);
        Assert.Contains("velocity", Assert.Throws<CheckpointFormatException>(() => Load(bytes, new FedAvgM(0.9, 0.7), Global.Length + 1)).Message);
    }

    private static byte[] Save(IServerStrategy strategy)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            StrategyCheckpoint.Save(writer, strategy);
        return stream.ToArray();
    }

    private static void Load(byte[] bytes, IServerStrategy strategy, int parameters)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes));
        StrategyCheckpoint.Load(reader, strategy, parameters);
    }
}
