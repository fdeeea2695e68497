namespace Station.Core.Can
{
    /// <summary>CAN bit timing in time quanta: one bit = sync (1 tq) + TSEG1 (propagation + phase 1) + TSEG2 (phase 2);
    /// the sample point sits between TSEG1 and TSEG2. Chosen by <see cref="Compute"/> for a controller's limits.</summary>
    /// <remarks>
    /// Values are counts, not register encodings (a register usually holds count − 1): the adapters convert.
    /// J1939-11 / CiA 601 recommend a sample point near 87.5 % at 250 kbit/s and SJW 1; GB/T 27930 runs on 250 kbit/s.
    /// </remarks>
    public sealed class CanBitTiming
    {
        /// <summary>Clock divider: tq = prescaler / clock.</summary>
        public int Prescaler;
        /// <summary>TSEG1 in tq (propagation + phase segment 1).</summary>
        public int Tseg1;
        /// <summary>TSEG2 in tq (phase segment 2).</summary>
        public int Tseg2;
        /// <summary>Synchronisation jump width in tq.</summary>
        public int Sjw;

        /// <summary>Time quanta per bit.</summary>
        public int QuantaPerBit { get { return 1 + Tseg1 + Tseg2; } }

        /// <summary>Sample point in per mille of the bit.</summary>
        public int SamplePointPermille { get { return (1 + Tseg1) * 1000 / QuantaPerBit; } }

        /// <summary>Bit rate this timing gives with <paramref name="clockHz"/> (exact division checked by Compute).</summary>
        public int BitRate(int clockHz) { return clockHz / (Prescaler * QuantaPerBit); }

        /// <summary>Finds the timing whose bit rate is exactly <paramref name="bitRate"/> and whose sample point is closest
        /// to <paramref name="samplePermille"/> (ties: more quanta per bit, for finer resynchronisation). Null when the
        /// clock cannot make that bit rate within the limits.</summary>
        /// <param name="clockHz">Clock feeding the prescaler (STM32 bxCAN: APB1; MCP2515: oscillator / 2).</param>
        /// <param name="bitRate">Bits per second.</param>
        /// <param name="samplePermille">Wanted sample point, ‰ (875 = 87.5 %).</param>
        /// <param name="maxPrescaler">Largest prescaler (bxCAN 1024, MCP2515 64).</param>
        /// <param name="minQuanta">Fewest tq per bit allowed.</param>
        /// <param name="maxQuanta">Most tq per bit allowed.</param>
        /// <param name="maxTseg1">Largest TSEG1 (bxCAN 16, MCP2515 16 = 8 propagation + 8 phase 1).</param>
        /// <param name="minTseg2">Smallest TSEG2 (bxCAN 1, MCP2515 2).</param>
        /// <param name="maxTseg2">Largest TSEG2 (bxCAN 8, MCP2515 8).</param>
        public static CanBitTiming Compute(int clockHz, int bitRate, int samplePermille, int maxPrescaler,
                                           int minQuanta, int maxQuanta, int maxTseg1, int minTseg2, int maxTseg2)
        {
            CanBitTiming best = null;
            int bestError = int.MaxValue;
            if (clockHz <= 0 || bitRate <= 0) return null;
            for (int prescaler = 1; prescaler <= maxPrescaler; prescaler++)
            {
                long perBit = (long)prescaler * bitRate;
                if (clockHz % perBit != 0) continue;
                int quanta = (int)(clockHz / perBit);
                if (quanta < minQuanta || quanta > maxQuanta) continue;
                for (int tseg2 = minTseg2; tseg2 <= maxTseg2; tseg2++)
                {
                    int tseg1 = quanta - 1 - tseg2;
                    if (tseg1 < 1 || tseg1 > maxTseg1 || tseg1 < tseg2) continue;
                    int sp = (1 + tseg1) * 1000 / quanta;
                    int error = sp > samplePermille ? sp - samplePermille : samplePermille - sp;
                    if (error < bestError || (error == bestError && best != null && quanta > best.QuantaPerBit))
                    {
                        bestError = error;
                        best = new CanBitTiming();
                        best.Prescaler = prescaler;
                        best.Tseg1 = tseg1;
                        best.Tseg2 = tseg2;
                        best.Sjw = 1;
                    }
                }
            }
            return best;
        }

        /// <summary>STM32 bxCAN (F4/F7) timing: prescaler 1..1024, TSEG1 1..16, TSEG2 1..8; at least 10 tq per bit so
        /// TSEG2 never shrinks to a single quantum.</summary>
        public static CanBitTiming ForBxCan(int apb1Hz, int bitRate)
        {
            return Compute(apb1Hz, bitRate, 875, 1024, 10, 25, 16, 2, 8);
        }

        /// <summary>MCP2515 timing for a crystal of <paramref name="oscillatorHz"/>: tq = 2·(BRP+1)/Fosc, 8..25 tq per bit,
        /// TSEG1 = PRSEG (1..8) + PHSEG1 (1..8), PHSEG2 2..8 (datasheet §5).</summary>
        public static CanBitTiming ForMcp2515(int oscillatorHz, int bitRate)
        {
            return Compute(oscillatorHz / 2, bitRate, 875, 64, 8, 25, 16, 2, 8);
        }
    }
}
