using FgsActors.Actors.Kernel;
using FgsActors.Actors.Tests.Kernel.Support;
using FgsActors.Simulation.Kernel;

namespace FgsActors.Actors.Tests.Kernel;

/// <summary>
/// A model error on the actor kernel ends the run promptly with <see cref="KernelRunFailedException"/> naming
/// the partition and the error, with either way of delivering events to entity actors.
/// </summary>
public class ModelFailureTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    // 12 entities on 3 partitions: 0-3, 4-7, 8-11. Entity i ticks at 10·i + 50·k, so entity 6 ticks at 260.
    private const int Entities = 12, Partitions = 3;
    private const long Lookahead = 100, End = 10_000;

    public static TheoryData<EntityDelivery> Deliveries() => new(EntityDelivery.Direct, EntityDelivery.Mailbox);

    private static Task<KernelRunReport> Run(ISimulationModel model, EntityDelivery delivery) =>
        KernelRunner.RunLocalAsync(model, Partitions, workers: 2, delivery: delivery).WaitAsync(Timeout);

    [Fact]
    public async Task TheTestModelRunsToTheEndWithoutItsFailure()
    {
        var model = new FailingModel(Entities, Lookahead, End, Failure.None, 6, 260);
        var report = await Run(model, EntityDelivery.Direct);
        Assert.Equal(LocalKernel.Run(model, Partitions).EventDigest, report.Result.EventDigest);
    }

    [Theory]
    [MemberData(nameof(Deliveries))]
    public async Task ExceptionInHandleFailsTheRunNamingPartitionAndError(EntityDelivery delivery)
    {
        var model = new FailingModel(Entities, Lookahead, End, Failure.ThrowInHandle, failEntity: 6, failTime: 260);
        var error = await Assert.ThrowsAsync<KernelRunFailedException>(() => Run(model, delivery));
        Assert.Contains("partition 1", error.Message);
        Assert.Contains(nameof(InvalidOperationException), error.Message);
        Assert.Contains(FailingModel.ErrorText(6, 260), error.Message);
    }

    [Theory]
    [MemberData(nameof(Deliveries))]
    public async Task ExceptionInStartFailsTheRunNamingPartitionAndError(EntityDelivery delivery)
    {
        var model = new FailingModel(Entities, Lookahead, End, Failure.ThrowInStart, failEntity: 9, failTime: 0);
        var error = await Assert.ThrowsAsync<KernelRunFailedException>(() => Run(model, delivery));
        Assert.Contains("partition 2", error.Message);
        Assert.Contains(FailingModel.ErrorText(9, 0), error.Message);
    }

    [Theory]
    [MemberData(nameof(Deliveries))]
    public async Task SendBelowTheLookaheadFailsTheRunMentioningTheLookahead(EntityDelivery delivery)
    {
        var model = new FailingModel(Entities, Lookahead, End, Failure.SendBelowLookahead, failEntity: 6, failTime: 260);
        var error = await Assert.ThrowsAsync<KernelRunFailedException>(() => Run(model, delivery));
        Assert.Contains("partition 1", error.Message);
        Assert.Contains(nameof(KernelViolationException), error.Message);
        Assert.Contains("entity 6", error.Message);
        Assert.Contains("delay 99", error.Message);
        Assert.Contains("lookahead of 100", error.Message);
    }

    [Theory]
    [MemberData(nameof(Deliveries))]
    public async Task FailureWhileAnotherPartitionWaitsOnAFutureThatNeverCompletesStillFailsTheRun(EntityDelivery delivery)
    {
        // Partition 0 holds at t=1000 forever; entity 5 (partition 2, ticks at 50 + 30·k) throws at t=1040,
        // below 1000 + lookahead, which it reaches while partition 0 waits.
        var never = new TaskCompletionSource<long>();
        var model = new HeldFutureModel(8, 100, 30, 1_000, 2_000, never.Task, failTicker: 5, failAt: 1_040);
        var error = await Assert.ThrowsAsync<KernelRunFailedException>(() => Run(model, delivery));
        Assert.Contains("partition 2", error.Message);
        Assert.Contains(HeldFutureModel.FailureText(5, 1_040), error.Message);
        Assert.Empty(model.Log.For(0));
    }

    [Theory]
    [MemberData(nameof(Deliveries))]
    public async Task ExceptionInCreateEntityFailsTheRunNamingTheError(EntityDelivery delivery)
    {
        var model = new FailingModel(Entities, Lookahead, End, Failure.ThrowInCreateEntity, failEntity: 5, failTime: 0);
        var error = await Assert.ThrowsAsync<KernelRunFailedException>(() => Run(model, delivery));
        Assert.Contains(FailingModel.ErrorText(5, 0), error.Message);
    }
}
