namespace Shipgate.Core;

/// <summary>Tells text from binary the way git does: a NUL byte in the head means binary, unless a UTF-16 BOM says otherwise.</summary>
public static class BinarySniffer
{
    public static bool LooksBinary(ReadOnlySpan<byte> head)
    {
        if (TextDecoder.HasUtf16Bom(head))
        {
            return false;
        }

        return head.IndexOf((byte)0) >= 0;
    }
}
