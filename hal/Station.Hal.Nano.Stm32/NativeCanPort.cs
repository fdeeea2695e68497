using nanoFramework.Device.Can;
using Station.Core.Can;

namespace Station.Hal.Nano.Stm32
{
    /// <summary>The STM32's native bxCAN (nanoFramework.Device.Can, ChibiOS targets such as ST_STM32F769I_DISCOVERY) as the
    /// HAL's <see cref="ICanPort"/>.</summary>
    /// <remarks>
    /// Bit timing for the STM32F769I-DISCOVERY, CAN1 at 250 kbit/s (GB/T 27930):
    ///   SYSCLK 216 MHz, APB1 = 216 / 4 = 54 MHz feeds bxCAN.
    ///   54 MHz / 250 kbit/s = 216 clocks per bit = prescaler 12 × 18 time quanta (tq = 12 / 54 MHz = 222.2 ns).
    ///   18 tq = 1 sync + 15 TSEG1 + 2 TSEG2 → sample point (1 + 15) / 18 = 88.9 % (J1939/CiA aim at ~87.5 %; 54 MHz
    ///   cannot make 16 tq, and 8 tq would leave TSEG2 a single quantum), SJW 1 tq.
    ///   Computed by <see cref="CanBitTiming.ForBxCan"/> (tested on Linux). nanoFramework passes CanSettings straight into
    ///   ChibiOS's CAN_BTR_BRP/TS1/TS2/SJW macros, which take register values (count − 1):
    ///   new CanSettings(11, 14, 1, 0).
    /// The driver recovers from bus-off by itself (CAN_MCR_ABOM is set by nanoFramework). Received frames are drained
    /// with GetMessage() until it returns null; the native API allocates a CanMessage per frame and one per send, which
    /// this adapter cannot avoid (it copies into the caller's CanFrame and keeps nothing).
    /// </remarks>
    public sealed class NativeCanPort : ICanPort
    {
        private readonly CanController _controller;
        private readonly byte[][] _payloads = new byte[9][];

        /// <summary>Opens <paramref name="controllerId"/> ("CAN1") at <paramref name="bitRate"/> with an APB1 clock of
        /// <paramref name="apb1Hz"/> (54 MHz on the STM32F769I-DISCOVERY).</summary>
        public NativeCanPort(string controllerId, int apb1Hz, int bitRate)
        {
            CanBitTiming t = CanBitTiming.ForBxCan(apb1Hz, bitRate);
            if (t == null) throw new System.ArgumentException("APB1 clock cannot make this CAN bit rate");
            var settings = new CanSettings((byte)(t.Prescaler - 1), (byte)(t.Tseg1 - 1), (byte)(t.Tseg2 - 1), (byte)(t.Sjw - 1));
            _controller = CanController.FromId(controllerId, settings);
            for (int i = 0; i <= 8; i++) _payloads[i] = new byte[i];
        }

        /// <inheritdoc />
        public bool TryRead(ref CanFrame frame)
        {
            CanMessage m = _controller.GetMessage();
            if (m == null) return false;
            frame.Extended = m.IdentifierType == CanMessageIdType.EID;
            frame.Id = m.Id & (frame.Extended ? 0x1FFFFFFFu : 0x7FFu);
            byte[] data = m.FrameType == CanMessageFrameType.Data ? m.Message : null;
            int length = data == null ? 0 : (data.Length > 8 ? 8 : data.Length);
            frame.Length = (byte)length;
            ulong packed = 0;
            for (int i = 0; i < length; i++) packed |= (ulong)data[i] << (i * 8);
            frame.Data = packed;
            return true;
        }

        /// <inheritdoc />
        public bool TrySend(ref CanFrame frame)
        {
            int length = frame.Length > 8 ? 8 : frame.Length;
            // One reusable payload array per length; WriteMessage copies it into the driver before returning.
            byte[] data = _payloads[length];
            for (int i = 0; i < length; i++) data[i] = (byte)(frame.Data >> (i * 8));
            try
            {
                _controller.WriteMessage(new CanMessage(frame.Id, frame.Extended ? CanMessageIdType.EID : CanMessageIdType.SID,
                                                        CanMessageFrameType.Data, data));
                return true;
            }
            catch (System.Exception)
            {
                return false; // transmit mailboxes full or controller not running
            }
        }
    }
}
