using FgsActors.Simulation.Randomness;

namespace FgsActors.Simulation.Tests.Randomness;

public class StreamIdTests
{
    [Fact]
    public void HashOfEmptyPurposeIsTheFnv1a64OffsetBasis()
    {
        Assert.Equal(14695981039346656037UL, StreamId.HashPurpose(""));
        Assert.Equal(0xcbf29ce484222325UL, StreamId.HashPurpose(""));
    }

    [Fact]
    public void HashOfSingleCharacterIsOneFnv1aStep()
    {
        // (basis ^ 0x61) * 1099511628211 mod 2^64, the published FNV-1a 64 value of "a".
        var expected = unchecked((14695981039346656037UL ^ 0x61UL) * 1099511628211UL);
        Assert.Equal(0xaf63dc4c8601ec8cUL, expected);
        Assert.Equal(0xaf63dc4c8601ec8cUL, StreamId.HashPurpose("a"));
    }

    [Fact]
    public void HashOfAsciiPurposeEqualsPublishedFnv1a64()
    {
        // FNV-1a 64 test vector for "foobar" (ASCII code units equal the bytes).
        Assert.Equal(0x85944171f73967e8UL, StreamId.HashPurpose("foobar"));
    }

    [Fact]
    public void HashUsesWholeUtf16CodeUnitsNotBytes()
    {
        // U+0100 is one step with 0x100: (basis ^ 0x100) * prime.
        Assert.Equal(0xaf62bd4c860004dfUL, StreamId.HashPurpose("\u0100"));
        Assert.NotEqual(StreamId.HashPurpose("\u0100"), StreamId.HashPurpose("\u0001\u0000"));
    }

    [Fact]
    public void HashRejectsNull()
    {
        Assert.Throws<ArgumentNullException>(() => StreamId.HashPurpose(null!));
    }

    [Fact]
    public void MixIsSplitMix64()
    {
        // Published SplitMix64 outputs for seed 0: the state advances by the golden gamma before each finalisation.
        Assert.Equal(0xe220a8397b1dcdafUL, StreamId.Mix(0));
        Assert.Equal(0x6e789e6aa1b965f4UL, StreamId.Mix(0x9E3779B97F4A7C15UL));
        Assert.Equal(0x06c45d188009454fUL, StreamId.Mix(unchecked(2 * 0x9E3779B97F4A7C15UL)));
    }

    [Fact]
    public void DeriveDependsOnEveryInput()
    {
        var purpose = StreamId.HashPurpose("p");
        var baseline = StreamId.Derive(1, 2, purpose);
        Assert.Equal(baseline, StreamId.Derive(1, 2, purpose));
        Assert.NotEqual(baseline, StreamId.Derive(2, 2, purpose));
        Assert.NotEqual(baseline, StreamId.Derive(1, 3, purpose));
        Assert.NotEqual(baseline, StreamId.Derive(1, 2, StreamId.HashPurpose("q")));
        // Swapping seed and entity must not collide (the inputs are mixed at different depths).
        Assert.NotEqual(StreamId.Derive(1, 2, purpose), StreamId.Derive(2, 1, purpose));
    }

    [Fact]
    public void DeriveIsTheDocumentedComposition()
    {
        var purpose = StreamId.HashPurpose("phold");
        Assert.Equal(StreamId.Mix(StreamId.Mix(StreamId.Mix(42) ^ 7UL) ^ purpose), StreamId.Derive(42, 7, purpose));
    }
}
