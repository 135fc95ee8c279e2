using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;

namespace FgsActors.Models.Data;

/// <summary>The random draws the data generators and partitioners share; every stream is seeded explicitly.</summary>
internal static class Seeded
{
    /// <summary>A fresh, non-thread-safe Xoshiro256** stream for <paramref name="seed"/>.</summary>
    public static Random Generator(int seed) => new Xoshiro256StarStar(seed, threadSafe: false);

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public static void Shuffle<T>(Random random, Span<T> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>0, 1, …, n − 1 in a random order.</summary>
    public static int[] Permutation(Random random, int n)
    {
        var order = new int[n];
        for (var i = 0; i < n; i++)
            order[i] = i;
        Shuffle(random, order.AsSpan());
        return order;
    }

    /// <summary>
    /// A draw from the symmetric Dirichlet(α, …, α) over <paramref name="n"/> coordinates, as normalised
    /// Gamma(α, 1) draws. For very small α every Gamma draw can underflow to 0; the draw then falls back to the
    /// α → 0 limit of the distribution, all mass on one uniformly chosen coordinate.
    /// </summary>
    public static double[] Dirichlet(Random random, double alpha, int n)
    {
        var p = new double[n];
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            p[i] = Gamma.Sample(random, alpha, 1.0);
            sum += p[i];
        }

        if (!(sum > 0) || !double.IsFinite(sum))
        {
            Array.Clear(p);
            p[random.Next(n)] = 1.0;
            return p;
        }

        for (var i = 0; i < n; i++)
            p[i] /= sum;
        return p;
    }
}
