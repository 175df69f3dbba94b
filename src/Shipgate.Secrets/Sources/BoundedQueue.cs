using System.Runtime.ExceptionServices;

namespace Shipgate.Secrets.Sources;

/// <summary>
/// A first-in first-out hand-over from one producer thread to consumers, bounded by a total weight (bytes) and a
/// count, so a fast producer (git) cannot fill memory while the consumers (detection) catch up. One item heavier than
/// the whole budget still passes when the queue is empty, so nothing is ever stuck. The producer ends the queue with
/// <see cref="Complete"/> (optionally with an error the consumer rethrows after the items before it); a consumer that
/// gives up calls <see cref="Close"/>, which releases a waiting producer. Thread-safe.
/// </summary>
internal sealed class BoundedQueue<T>
{
    private readonly Queue<(T Item, long Weight)> items = new();
    private readonly long maxWeight;
    private readonly int maxCount;
    private long weight;
    private bool completed;
    private bool closed;
    private Exception? error;

    public BoundedQueue(long maxWeight, int maxCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxWeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        this.maxWeight = maxWeight;
        this.maxCount = maxCount;
    }

    /// <summary>The weight of the items waiting now.</summary>
    public long Weight
    {
        get
        {
            lock (items)
            {
                return weight;
            }
        }
    }

    /// <summary>Adds without waiting; false when the queue is full or closed.</summary>
    public bool TryAdd(T item, long itemWeight)
    {
        lock (items)
        {
            if (closed || IsFull(itemWeight))
            {
                return false;
            }

            Enqueue(item, itemWeight);
            return true;
        }
    }

    /// <summary>Adds, waiting while the queue is full; false when the consumer closed the queue (stop producing).</summary>
    public bool Add(T item, long itemWeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(itemWeight);
        lock (items)
        {
            while (!closed && IsFull(itemWeight))
            {
                Monitor.Wait(items);
            }

            if (closed)
            {
                return false;
            }

            Enqueue(item, itemWeight);
            return true;
        }
    }

    /// <summary>No more items will come; <paramref name="failure"/>, if any, is thrown to the consumer after the last item.</summary>
    public void Complete(Exception? failure = null)
    {
        lock (items)
        {
            completed = true;
            error ??= failure;
            Monitor.PulseAll(items);
        }
    }

    /// <summary>The consumer stops taking: a waiting or later <see cref="Add"/> returns false, and the items are dropped.</summary>
    public void Close()
    {
        lock (items)
        {
            closed = true;
            items.Clear();
            weight = 0;
            Monitor.PulseAll(items);
        }
    }

    /// <summary>
    /// The next item, waiting for one; false once the queue is completed and drained. Throws the producer's error at
    /// that point, and <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires first.
    /// </summary>
    public bool TryTake(out T item, CancellationToken cancellationToken = default)
    {
        using var registration = cancellationToken.CanBeCanceled ? cancellationToken.Register(Wake) : default;
        lock (items)
        {
            while (items.Count == 0 && !completed && !closed)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Monitor.Wait(items);
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (items.Count > 0)
            {
                (item, var itemWeight) = items.Dequeue();
                weight -= itemWeight;
                Monitor.PulseAll(items);
                return true;
            }

            item = default!;
            if (error is not null && !closed)
            {
                ExceptionDispatchInfo.Throw(error);
            }

            return false;
        }
    }

    private bool IsFull(long itemWeight) => items.Count > 0 && (items.Count >= maxCount || weight + itemWeight > maxWeight);

    private void Enqueue(T item, long itemWeight)
    {
        items.Enqueue((item, itemWeight));
        weight += itemWeight;
        Monitor.PulseAll(items);
    }

    private void Wake()
    {
        lock (items)
        {
            Monitor.PulseAll(items);
        }
    }
}
