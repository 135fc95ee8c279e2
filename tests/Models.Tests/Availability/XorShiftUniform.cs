namespace FgsActors.Models.Tests.Availability;

/// <summary>
/// Deterministic uniform source for tests (xorshift64*), so statistical assertions cannot flake: the
/// same seed gives the same draws on every machine.
/// </summary>
internal sealed class XorShiftUniform(ulong seed)
{
    private ulong _state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;

    public int Draws { get; private set; }

    public double Next()
    {
        Draws++;
        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        return ((_state * 0x2545F4914F6CDD1DUL) >> 11) * (1.0 / (1UL << 53));
    }
}
