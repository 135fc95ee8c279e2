using Akka.Actor;
using FgsActors.Actors.Kernel;
using FgsActors.Actors.Kernel.Protocol;
using FgsActors.Actors.Kernel.Serialization;
using FgsActors.Simulation.Events;
using FgsActors.Simulation.Time;

namespace FgsActors.Actors.Tests.Kernel;

/// <summary>
/// Every kernel protocol message survives <see cref="KernelMessageSerializer"/> exactly: the serializer the
/// kernel's actor system binds to the message, its manifest, ToBinary, FromBinary. Integers and IEEE bits of
/// tensor payloads (NaN payloads, −0, subnormals) come back bit-identical.
/// </summary>
public sealed class KernelMessageSerializerTests : IDisposable
{
    private readonly ActorSystem _system = KernelHosting.CreateSystem("t", 1);

    public void Dispose() => _system.Terminate().Wait(TimeSpan.FromSeconds(10));

    private T RoundTrip<T>(T message) where T : IKernelMessage
    {
        var serializer = Assert.IsType<KernelMessageSerializer>(_system.Serialization.FindSerializerFor(message));
        var manifest = serializer.Manifest(message);
        var bytes = serializer.ToBinary(message);
        var back = serializer.FromBinary(bytes, manifest);
        Assert.IsType(message.GetType(), back);
        return (T)back;
    }

    private IActorRef Actor(string name) => _system.ActorOf(Props.Create(() => new Idle()), name);

    private sealed class Idle : UntypedActor
    {
        protected override void OnReceive(object message) { }
    }

    [Fact]
    public void ScalarMessagesRoundTrip()
    {
        var messages = new IKernelMessage[]
        {
            new Grant(0, 0),
            new Grant(long.MaxValue, VirtualTime.Infinity),
            new WindowDone(17, 3, VirtualTime.Infinity, 123_456_789_012, long.MaxValue - 1),
            new WindowDone(-1, 0, 0, long.MinValue, 0),
            new PartitionFinished(63, 5_000_000_000, ulong.MaxValue, 99_999_999_999),
            new PartitionFinished(0, 0, 0x8000_0000_0000_0001UL, 0),
            new PartitionFailed(2, "partition 2: InvalidOperationException: Grüße, 東京 — \"quoted\"\nsecond line"),
            new PartitionFailed(-1, ""),
            new PartitionReady(7),
            new ModelSpec("fgs {\n  kernel.partitions = 8\n  name = \"Zürich ☃\"\n}\n"),
            new ModelSpec(""),
        };
        foreach (var message in messages) Assert.Equal(message, RoundTrip(message));
    }

    [Fact]
    public void FinishPartitionRoundTrips() => Assert.Equal(new FinishPartition(), RoundTrip(new FinishPartition()));

    [Fact]
    public void CreatePartitionsRoundTrips()
    {
        var sent = new CreatePartitions("run1a2b3c4d", new ModelSpec("phold { lps = 100000 }"), 8, [1, 3, 5, 7]);
        var back = RoundTrip(sent);
        Assert.Equal((sent.RunId, sent.Model, sent.PartitionCount), (back.RunId, back.Model, back.PartitionCount));
        Assert.Equal(sent.Partitions, back.Partitions);

        var none = RoundTrip(new CreatePartitions("r", new ModelSpec(""), 1, []));
        Assert.Empty(none.Partitions);
    }

    [Fact]
    public void ActorReferencesComeBackAsTheSameActors()
    {
        var coordinator = Actor("coordinator");
        var peers = new[] { Actor("p0"), Actor("p1"), Actor("p2") };

        var start = RoundTrip(new StartPartition(coordinator, peers));
        Assert.Equal(coordinator, start.Coordinator);
        Assert.Equal(peers, start.Peers);

        var created = RoundTrip(new PartitionsCreated("run42", [0, 2], [peers[0], peers[2]]));
        Assert.Equal("run42", created.RunId);
        Assert.Equal([0, 2], created.Partitions);
        Assert.Equal([peers[0], peers[2]], created.Refs);
    }

    // Float and double values whose bits must survive: quiet and signalling NaNs with payloads and either
    // sign, ±0, the smallest and largest subnormals, ±∞, extremes.
    private static readonly float[] Floats =
    [
        BitConverter.Int32BitsToSingle(0x7FC0_0000), BitConverter.Int32BitsToSingle(0x7FC1_2345), BitConverter.Int32BitsToSingle(unchecked((int)0xFFC0_0001)),
        BitConverter.Int32BitsToSingle(0x7F80_0001), BitConverter.Int32BitsToSingle(0x7FBF_FFFF),
        0f, -0f, float.Epsilon, -float.Epsilon, BitConverter.Int32BitsToSingle(0x007F_FFFF),
        float.PositiveInfinity, float.NegativeInfinity, float.MaxValue, float.MinValue, 1f / 3,
    ];

    private static readonly double[] Doubles =
    [
        BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0000), BitConverter.Int64BitsToDouble(0x7FF8_0000_DEAD_BEEF), BitConverter.Int64BitsToDouble(unchecked((long)0xFFF8_0000_0000_0001)),
        BitConverter.Int64BitsToDouble(0x7FF0_0000_0000_0001), BitConverter.Int64BitsToDouble(0x7FF7_FFFF_FFFF_FFFF),
        0d, -0d, double.Epsilon, -double.Epsilon, BitConverter.Int64BitsToDouble(0x000F_FFFF_FFFF_FFFF),
        double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, double.MinValue, 1d / 3,
    ];

    [Fact]
    public void EventBatchRoundTripsEveryPayloadKindBitExactly()
    {
        SimEvent[] events =
        [
            new(0, 0, SimEvent.ExternalSource, 0, 0, 0, null),
            new(VirtualTime.Infinity - 1, int.MaxValue, 5, long.MaxValue, int.MinValue, long.MinValue, null, nonTriggering: true),
            new(1_000, 3, 4, 1, 2, -7, new byte[] { 0, 1, 0x7F, 0x80, 0xFF }),
            new(1_000, 3, 4, 2, 2, 0, Array.Empty<byte>(), nonTriggering: true),
            new(2_000, 4, 3, 9, 5, 42, Floats),
            new(2_000, 4, 3, 10, 5, 43, Array.Empty<float>(), nonTriggering: true),
            new(3_000, 5, 2, 11, 6, 44, Doubles, nonTriggering: true),
            new(3_000, 5, 2, 12, 6, 45, Array.Empty<double>()),
            new(4_000, 6, 1, 13, 7, 46, "aggregate round 3: Grüße ☃ \U0001F600"),
            new(4_000, 6, 1, 14, 7, 47, "", nonTriggering: true),
        ];
        var back = RoundTrip(new EventBatch(12, 3, events));

        Assert.Equal((12L, 3), (back.Round, back.From));
        Assert.Equal(events.Length, back.Events.Length);
        for (var i = 0; i < events.Length; i++)
        {
            var (want, got) = (events[i], back.Events[i]);
            Assert.Equal((want.Time, want.Target, want.Source, want.Sequence, want.Kind, want.Data, want.NonTriggering),
                         (got.Time, got.Target, got.Source, got.Sequence, got.Kind, got.Data, got.NonTriggering));
            switch (want.Payload)
            {
                case null: Assert.Null(got.Payload); break;
                case byte[] bytes: Assert.Equal(bytes, Assert.IsType<byte[]>(got.Payload)); break;
                case float[] floats:
                    Assert.Equal(floats.Select(BitConverter.SingleToInt32Bits), Assert.IsType<float[]>(got.Payload).Select(BitConverter.SingleToInt32Bits));
                    break;
                case double[] doubles:
                    Assert.Equal(doubles.Select(BitConverter.DoubleToInt64Bits), Assert.IsType<double[]>(got.Payload).Select(BitConverter.DoubleToInt64Bits));
                    break;
                case string text: Assert.Equal(text, Assert.IsType<string>(got.Payload)); break;
            }
        }
    }

    [Fact]
    public void EmptyEventBatchRoundTrips()
    {
        var back = RoundTrip(new EventBatch(0, 63, []));
        Assert.Equal((0L, 63), (back.Round, back.From));
        Assert.Empty(back.Events);
    }

    public static TheoryData<object> UnsupportedPayloads() => new(new[] { 1, 2 }, Task.FromResult(1L), new List<float> { 1f }, Guid.Empty);

    [Theory]
    [MemberData(nameof(UnsupportedPayloads))]
    public void AnUnsupportedPayloadIsRefusedNamingItsType(object payload)
    {
        var batch = new EventBatch(1, 0, [new SimEvent(10, 1, 0, 0, 3, 0, null), new SimEvent(10, 2, 0, 1, 3, 0, payload)]);
        var serializer = Assert.IsType<KernelMessageSerializer>(_system.Serialization.FindSerializerFor(batch));
        var error = Assert.Throws<NotSupportedException>(() => serializer.ToBinary(batch));
        Assert.Contains(payload.GetType().FullName!, error.Message);
    }

    [Fact]
    public void EveryMessageTypeHasItsOwnManifest()
    {
        var refs = new[] { Actor("m0") };
        IKernelMessage[] all =
        [
            new Grant(1, 2), new EventBatch(1, 0, []), new WindowDone(1, 0, 2, 3, 4), new StartPartition(refs[0], refs),
            new FinishPartition(), new PartitionFinished(0, 1, 2, 3), new PartitionFailed(0, "x"),
            new CreatePartitions("r", new ModelSpec("m"), 1, [0]), new PartitionsCreated("r", [0], refs), new PartitionReady(0), new ModelSpec("m"),
        ];
        var serializer = Assert.IsType<KernelMessageSerializer>(_system.Serialization.FindSerializerFor(all[0]));
        Assert.Equal(all.Length, all.Select(serializer.Manifest).Distinct().Count());
    }

    [Fact]
    public void AStringWithALoneSurrogateRoundTripsExactly()
    {
        const string text = "a\uD800b"; // not valid UTF-16 text; UTF-8 encoding would turn it into "a\uFFFDb"
        var batch = new EventBatch(1, 0, [new SimEvent(10, 1, 0, 0, 3, 0, text)]);
        var serializer = Assert.IsType<KernelMessageSerializer>(_system.Serialization.FindSerializerFor(batch));
        var bytes = serializer.ToBinary(batch);
        var back = Assert.IsType<EventBatch>(serializer.FromBinary(bytes, serializer.Manifest(batch)));
        Assert.Equal(text, back.Events[0].Payload);
    }
}
