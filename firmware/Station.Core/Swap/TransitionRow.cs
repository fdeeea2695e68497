namespace Station.Core.Swap
{
    /// <summary>One row of the swap transition table: in <see cref="From"/> (or a state inside it), on
    /// <see cref="Signal"/>, when <see cref="Guard"/> holds, go to <see cref="To"/>.</summary>
    /// <remarks>A class: nanoFramework's interpreter copies a struct row out of the table onto its heap on every read;
    /// rows of a class are built once and read in place.</remarks>
    public sealed class TransitionRow
    {
        /// <summary>Source state (a leaf or a parent state).</summary>
        public readonly SwapState From;
        /// <summary>Triggering signal.</summary>
        public readonly SwapSignal Signal;
        /// <summary>Condition.</summary>
        public readonly SwapGuard Guard;
        /// <summary>Target state (always a leaf).</summary>
        public readonly SwapState To;

        /// <summary>Creates a row.</summary>
        public TransitionRow(SwapState from, SwapSignal signal, SwapGuard guard, SwapState to)
        {
            From = from;
            Signal = signal;
            Guard = guard;
            To = to;
        }
    }
}
