using System;

namespace Station.Core
{
    /// <summary>One swap as it happened: vehicle, packs, state of charge, times of each step, faults and outcome.
    /// Preallocated when the swap is authorised; the steps fill it in without allocating.</summary>
    public sealed class SwapRecord
    {
        /// <summary>Most faults one record keeps (later ones are counted but not stored).</summary>
        public const int MaxFaults = 8;

        /// <summary>Station-local sequence number of the swap (1, 2, …), kept across power loss by the journal.</summary>
        public int SwapId;
        /// <summary>Vehicle identifier from the authorisation.</summary>
        public string VehicleId;
        /// <summary>Serial of the depleted pack taken out, or null when unknown.</summary>
        public string PackOutSerial;
        /// <summary>Serial of the charged pack put in.</summary>
        public string PackInSerial;
        /// <summary>State of charge of the pack taken out, -1 unknown.</summary>
        public int PackOutSocPct = -1;
        /// <summary>State of charge of the pack put in, -1 unknown (BMS reading when the gate check has one).</summary>
        public int PackInSocPct = -1;
        /// <summary>Rack slot the charged pack came from, -1 when it was already staged.</summary>
        public int SourceSlot = -1;
        /// <summary>Standard of the pack installed (the record's, which the BMS check holds the pack to).</summary>
        public PackStandard PackInStandard;
        /// <summary>Wall-clock start (UTC).</summary>
        public DateTime StartUtc;
        /// <summary>Wall-clock end (UTC), when ended.</summary>
        public DateTime EndUtc;
        /// <summary>Clock.NowMs at the start (for step times).</summary>
        public long StartMs;
        /// <summary>Per SwapState: ms after StartMs the step began, -1 when it did not run.</summary>
        public readonly long[] StepStartMs = new long[SwapStates.Count];
        /// <summary>Per SwapState: ms after StartMs the step ended, -1 when it did not end.</summary>
        public readonly long[] StepEndMs = new long[SwapStates.Count];
        /// <summary>Faults latched during the swap, in order (first <see cref="FaultCount"/> entries, at most MaxFaults).</summary>
        public readonly FaultCode[] Faults = new FaultCode[MaxFaults];
        /// <summary>Number of faults latched during the swap.</summary>
        public int FaultCount;
        /// <summary>How it ended.</summary>
        public SwapOutcome Outcome;
        /// <summary>True when the release gate's pack check talked to the BMS (false: inventory check only).</summary>
        public bool BmsVerified;
        /// <summary>Most blocks one swap holds (a truck carries one to three).</summary>
        public const int MaxBlocks = 3;
        /// <summary>Truck bay: the booked blocks in the order they are swapped (first <see cref="BlockCount"/> entries);
        /// null in a car bay's record.</summary>
        public BlockSwap[] Blocks;
        /// <summary>Number of booked blocks (0 in a car bay's record).</summary>
        public int BlockCount;

        /// <summary>Truck bay: the booked block at <paramref name="position"/> (1-3), or null when none is booked there.</summary>
        public BlockSwap BlockAt(int position)
        {
            for (int i = 0; i < BlockCount; i++) if (Blocks[i].Position == position) return Blocks[i];
            return null;
        }
        /// <summary>Truck bay: index into <see cref="Blocks"/> of the block being swapped (BlockCount once all are done).</summary>
        public int CurrentBlock;

        /// <summary>Step the swap was in when a fault or power loss stopped it.</summary>
        public SwapState InterruptedStep;

        /// <summary>A fresh record.</summary>
        public SwapRecord()
        {
            for (int i = 0; i < SwapStates.Count; i++)
            {
                StepStartMs[i] = -1;
                StepEndMs[i] = -1;
            }
        }

        /// <summary>Makes room for <paramref name="count"/> blocks (truck bay; allocates, at authorisation only).</summary>
        public void SizeBlocks(int count)
        {
            Blocks = new BlockSwap[MaxBlocks];
            for (int i = 0; i < MaxBlocks; i++) Blocks[i] = new BlockSwap();
            BlockCount = count;
            CurrentBlock = 0;
        }

        /// <summary>Records a fault (ignored past MaxFaults except for the count).</summary>
        public void AddFault(FaultCode code)
        {
            if (FaultCount < MaxFaults) Faults[FaultCount] = code;
            FaultCount++;
        }

        /// <summary>Total time from start to the end of the last step that ended, ms.</summary>
        public long DurationMs()
        {
            long end = 0;
            for (int i = 0; i < SwapStates.Count; i++) if (StepEndMs[i] > end) end = StepEndMs[i];
            return end;
        }
    }
}
