using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace FgsActors.Actors.Kernel;

/// <summary>
/// Asks the CPU to start loading an object's first cache line. Only a hint: a prefetch never faults, so an
/// address made stale by the garbage collector moving the object costs nothing but the wasted load.
/// </summary>
internal static class MemoryHint
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Prefetch(object target)
    {
        if (!Sse.IsSupported) return;
        var address = Unsafe.As<object, nint>(ref target);
        Sse.Prefetch0((void*)address);
    }
}
