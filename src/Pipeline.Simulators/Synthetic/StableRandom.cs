using System.Text;

namespace Pipeline.Simulators.Synthetic;

/// <summary>
/// Deterministic pseudo-random numbers keyed by strings (seed, source, unit, indicator, period), so every run of a
/// simulator serves the same data on every machine. string.GetHashCode is randomised per process; FNV-1a is not.
/// </summary>
public static class StableRandom
{
    /// <summary>A uniform number in [0, 1) for the key parts.</summary>
    public static double Uniform(params ReadOnlySpan<string> parts)
    {
        var hash = 14695981039346656037UL;
        foreach (var part in parts)
        {
            foreach (var b in Encoding.UTF8.GetBytes(part))
            {
                hash = (hash ^ b) * 1099511628211UL;
            }

            hash = (hash ^ 0x1F) * 1099511628211UL;
        }

        // Final avalanche (splitmix64) so neighbouring keys do not give neighbouring numbers.
        hash ^= hash >> 30;
        hash *= 0xBF58476D1CE4E5B9UL;
        hash ^= hash >> 27;
        hash *= 0x94D049BB133111EBUL;
        hash ^= hash >> 31;
        return (hash >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>A number in [low, high) for the key parts.</summary>
    public static double Between(double low, double high, params ReadOnlySpan<string> parts) => low + ((high - low) * Uniform(parts));

    /// <summary>True with the given probability.</summary>
    public static bool Chance(double probability, params ReadOnlySpan<string> parts) => Uniform(parts) < probability;
}
