using FgsActors.Simulation.Events;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FgsActors.Simulation.Tests.Events;

public class EventOrderTests
{
    private static SimEvent Ev(long time, int target, int source, long sequence, int kind = 0, long data = 0, object? payload = null) =>
        new(time, target, source, sequence, kind, data, payload);

    [Fact]
    public void EarlierTimeComesFirstWhateverTheOtherKeys()
    {
        Assert.True(EventOrder.Compare(Ev(1, 9, 9, 9), Ev(2, 0, 0, 0)) < 0);
        Assert.True(EventOrder.Compare(Ev(2, 0, 0, 0), Ev(1, 9, 9, 9)) > 0);
    }

    [Fact]
    public void AtEqualTimeLowerTargetComesFirstWhateverSourceAndSequence()
    {
        Assert.True(EventOrder.Compare(Ev(5, 1, 9, 9), Ev(5, 2, 0, 0)) < 0);
        Assert.True(EventOrder.Compare(Ev(5, 2, 0, 0), Ev(5, 1, 9, 9)) > 0);
    }

    [Fact]
    public void AtEqualTimeAndTargetLowerSourceComesFirstAndExternalSourceIsLowest()
    {
        Assert.True(EventOrder.Compare(Ev(5, 1, 3, 9), Ev(5, 1, 4, 0)) < 0);
        Assert.True(EventOrder.Compare(Ev(5, 1, SimEvent.ExternalSource, 9), Ev(5, 1, 0, 0)) < 0);
    }

    [Fact]
    public void AtEqualTimeTargetAndSourceLowerSequenceComesFirst()
    {
        Assert.True(EventOrder.Compare(Ev(5, 1, 3, 5), Ev(5, 1, 3, 6)) < 0);
        Assert.True(EventOrder.Compare(Ev(5, 1, 3, 6), Ev(5, 1, 3, 5)) > 0);
    }

    [Fact]
    public void KindDataPayloadAndTriggeringAreNotPartOfTheKey()
    {
        var a = new SimEvent(5, 1, 3, 5, kind: 1, data: 100, payload: "x", nonTriggering: true);
        var b = new SimEvent(5, 1, 3, 5, kind: 2, data: -7, payload: null, nonTriggering: false);
        Assert.Equal(0, EventOrder.Compare(a, b));
        Assert.False(EventOrder.Precedes(a, b));
        Assert.False(EventOrder.Precedes(b, a));
    }

    [Fact]
    public void ExtremeKeyValuesCompareWithoutOverflow()
    {
        // A subtraction-based comparison would overflow on these.
        Assert.True(EventOrder.Compare(Ev(long.MinValue, 0, 0, 0), Ev(long.MaxValue, 0, 0, 0)) < 0);
        Assert.True(EventOrder.Compare(Ev(0, int.MinValue, 0, 0), Ev(0, int.MaxValue, 0, 0)) < 0);
        Assert.True(EventOrder.Compare(Ev(0, 0, int.MinValue, 0), Ev(0, 0, int.MaxValue, 0)) < 0);
        Assert.True(EventOrder.Compare(Ev(0, 0, 0, long.MinValue), Ev(0, 0, 0, long.MaxValue)) < 0);
        Assert.True(EventOrder.Compare(Ev(long.MaxValue, 0, 0, 0), Ev(long.MinValue, 0, 0, 0)) > 0);
    }

    [Fact]
    public void PrecedesIsStrict()
    {
        Assert.True(EventOrder.Precedes(Ev(1, 0, 0, 0), Ev(1, 0, 0, 1)));
        Assert.False(EventOrder.Precedes(Ev(1, 0, 0, 1), Ev(1, 0, 0, 0)));
        Assert.False(EventOrder.Precedes(Ev(1, 0, 0, 1), Ev(1, 0, 0, 1)));
    }

    [Fact]
    public void ComparerSortsHandMadeEventsIntoTheDocumentedOrder()
    {
        var events = new[]
        {
            Ev(2, 0, 0, 0, kind: 7),
            Ev(1, 1, 0, 1, kind: 5),
            Ev(1, 1, 0, 0, kind: 4),
            Ev(1, 1, -1, 3, kind: 3),
            Ev(1, 0, 5, 5, kind: 2),
            Ev(0, 9, 9, 9, kind: 1),
            Ev(1, 2, -1, 0, kind: 6),
        };
        Array.Sort(events, EventOrder.Comparer.Instance);
        Assert.Equal(new[] { 1, 2, 3, 4, 5, 6, 7 }, events.Select(e => e.Kind));
    }

    [Property(Arbitrary = new[] { typeof(SimEventArbitraries) }, MaxTest = 300)]
    public void CompareAgreesWithLexicographicKeyAndIsAntisymmetric(SimEvent a, SimEvent b)
    {
        var expected = Math.Sign((a.Time, a.Target, a.Source, a.Sequence).CompareTo((b.Time, b.Target, b.Source, b.Sequence)));
        Assert.Equal(expected, Math.Sign(EventOrder.Compare(a, b)));
        Assert.Equal(-Math.Sign(EventOrder.Compare(b, a)), Math.Sign(EventOrder.Compare(a, b)));
        Assert.Equal(EventOrder.Compare(a, b), EventOrder.Comparer.Instance.Compare(a, b));
    }
}

/// <summary>Events with small key ranges, so that ties on every key component are common.</summary>
public static class SimEventArbitraries
{
    public static Gen<SimEvent> EventGen =>
        from time in Gen.Choose(0, 6)
        from target in Gen.Choose(0, 3)
        from source in Gen.Choose(-1, 3)
        from sequence in Gen.Choose(0, 3)
        from data in Gen.Choose(0, 1000)
        select new SimEvent(time, target, source, sequence, kind: 0, data: data, payload: null);

    public static Arbitrary<SimEvent> Event() => EventGen.ToArbitrary();

    public static Arbitrary<SimEvent[]> Events() => Gen.ArrayOf(EventGen).ToArbitrary();
}
