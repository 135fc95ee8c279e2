namespace FgsActors.Models.Network;

/// <summary>
/// Checks the uniforms handed to samplers. Models cannot own a random stream (the simulator's streams live in a
/// project that references this one), so callers pass draws in; a value outside [0, 1) is a caller bug that would
/// otherwise surface as an infinite or NaN duration far from its cause.
/// </summary>
internal static class UniformArgument
{
    public static double Check(double u, string name)
    {
        if (!(u >= 0.0 && u < 1.0))
            throw new ArgumentOutOfRangeException(name, u, "a uniform draw must lie in [0, 1)");
        return u;
    }
}
