using FgsActors.Models.Checkpoints;
using FgsActors.Models.Federated;
using FgsActors.Simulation.Federation;

namespace FgsActors.Simulation.Tests.Federation.Checkpoints;

public sealed class FleetPayloadCodecTests
{
    private static readonly LocalUpdate Update = new(17, [0.5f, -1.25f, float.Epsilon], 64, 0.1 + 0.2);

    private static byte[] Write(object? payload)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream)) FleetPayloadCodec.Instance.Write(writer, payload);
        return stream.ToArray();
    }

    private static object? Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var reader = new BinaryReader(stream);
        var payload = FleetPayloadCodec.Instance.Read(reader);
        Assert.Equal(bytes.Length, stream.Position);
        return payload;
    }

    // Written, read back and written again: the same bytes, and an object of the same type.
    private static T RoundTrip<T>(T payload)
    {
        var bytes = Write(payload);
        var back = Read(bytes);
        Assert.Equal(bytes, Write(back));
        return Assert.IsType<T>(back);
    }

    private static void AssertSameUpdate(LocalUpdate? expected, LocalUpdate? actual)
    {
        Assert.NotNull(expected);
        Assert.NotNull(actual);
        Assert.Equal((expected.Client, expected.Samples, expected.Loss), (actual.Client, actual.Samples, actual.Loss));
        Assert.Equal(expected.Delta, actual.Delta);
    }

    [Fact]
    public void Transfer_records_round_trip_with_and_without_an_update()
    {
        var request = new TransferRequest(3, 12, 862_400.5, 5.1e6, 1_439_560_781_391, Fails: true, 800_000_000);
        Assert.Equal(request, RoundTrip(request));
        var withUpdate = RoundTrip(request with { Update = Update });
        AssertSameUpdate(Update, withUpdate.Update);
        Assert.Equal(request, withUpdate with { Update = null });

        var intent = new TransferIntent(4, long.MaxValue / 2);
        Assert.Equal(intent, RoundTrip(intent));
        AssertSameUpdate(Update, RoundTrip(intent with { Update = Update }).Update);

        Assert.Equal(new TransferDone(838_400), RoundTrip(new TransferDone(838_400)));
        Assert.Equal(new[] { 1f, 2f, 3f }, RoundTrip(new TransferDone(1, [1f, 2f, 3f])).Weights);
    }

    [Fact]
    public void A_retry_wait_round_trips_with_its_finished_transfer_and_token()
    {
        var request = new TransferRequest(8, 2, 1_000, 2_000, 5_000, Fails: false, 200);
        var wait = RoundTrip(new RetryWait(new FinishedTransfer(request, TransferEnd.Failed, 640.25), 99));
        Assert.Equal(new RetryWait(new FinishedTransfer(request, TransferEnd.Failed, 640.25), 99), wait);
    }

    [Fact]
    public async Task A_training_job_comes_back_as_a_completed_task_with_the_same_update()
    {
        var job = RoundTrip(Task.FromResult(Update));
        Assert.True(job.IsCompletedSuccessfully);
        AssertSameUpdate(Update, await job);
    }

    [Fact]
    public void Tokens_and_null_round_trip()
    {
        Assert.Equal(-5L, RoundTrip(-5L));
        Assert.Equal([0], Write(null));
        Assert.Null(Read([0]));
    }

    [Fact]
    public void A_job_that_failed_gave_nothing_or_is_still_running_is_refused()
    {
        var failed = Assert.Throws<InvalidOperationException>(() => Write(Task.FromException<LocalUpdate>(new ArithmeticException("nan loss"))));
        Assert.IsType<ArithmeticException>(failed.InnerException);
        Assert.Contains("without an update", Assert.Throws<InvalidOperationException>(() => Write(Task.FromResult<LocalUpdate>(null!))).Message);
        Assert.Contains("still running", Assert.Throws<InvalidOperationException>(() => Write(new TaskCompletionSource<LocalUpdate>().Task)).Message);
    }

    [Fact]
    public void A_payload_type_the_fleet_does_not_send_is_refused_by_name()
    {
        // A boxed int is not a token (tokens are long): a model change that sends one must extend the codec.
        Assert.Contains("System.Int32", Assert.Throws<InvalidOperationException>(() => Write(42)).Message);
        Assert.Contains("System.String", Assert.Throws<InvalidOperationException>(() => Write("x")).Message);
    }

    [Fact]
    public void An_unknown_tag_or_a_truncated_payload_cannot_be_read()
    {
        Assert.Throws<CheckpointFormatException>(() => Read([200]));
        var bytes = Write(new TransferRequest(1, 2, 3, 4, 5, false, 6, Update));
        for (var length = 0; length < bytes.Length; length++)
        {
            var error = Record.Exception(() => Read(bytes[..length]));
            Assert.True(error is EndOfStreamException or CheckpointFormatException, $"{length} bytes: {error?.GetType().Name ?? "no error"}");
        }
    }
}
