using Shipgate.Secrets.Sources;

namespace Shipgate.Secrets.Tests.Sources;

public sealed class BoundedQueueTests
{
    [Fact]
    public void Should_refuse_an_item_that_would_pass_the_weight_or_count_budget()
    {
        var byWeight = new BoundedQueue<string>(maxWeight: 100, maxCount: 10);
        byWeight.TryAdd("a", 60).ShouldBeTrue();
        byWeight.TryAdd("b", 50).ShouldBeFalse();
        byWeight.TryAdd("c", 40).ShouldBeTrue();
        byWeight.Weight.ShouldBe(100);

        var byCount = new BoundedQueue<string>(maxWeight: 1000, maxCount: 2);
        byCount.TryAdd("a", 1).ShouldBeTrue();
        byCount.TryAdd("b", 1).ShouldBeTrue();
        byCount.TryAdd("c", 1).ShouldBeFalse();
    }

    [Fact]
    public void Should_let_an_item_heavier_than_the_budget_through_when_empty()
    {
        var queue = new BoundedQueue<string>(maxWeight: 10, maxCount: 10);

        queue.TryAdd("big", 1000).ShouldBeTrue();
        queue.TryAdd("small", 1).ShouldBeFalse();
        queue.TryTake(out var item).ShouldBeTrue();
        item.ShouldBe("big");
        queue.TryAdd("small", 1).ShouldBeTrue();
    }

    [Fact]
    public void Should_hand_items_over_in_order_then_throw_the_producer_error()
    {
        // Given a producer thread that adds more than the budget holds, then fails
        var queue = new BoundedQueue<int>(maxWeight: 3, maxCount: 2);
        var producer = new Thread(() =>
        {
            for (var i = 0; i < 50; i++)
            {
                queue.Add(i, 1);
            }

            queue.Complete(new InvalidDataException("git stopped"));
        });

        // When the consumer drains it
        producer.Start();
        var taken = new List<int>();
        var error = Should.Throw<InvalidDataException>(() =>
        {
            while (queue.TryTake(out var item))
            {
                taken.Add(item);
            }
        });
        producer.Join();

        // Then every item came, in order, before the error
        taken.ShouldBe(Enumerable.Range(0, 50));
        error.Message.ShouldBe("git stopped");
    }

    [Fact]
    public void Should_release_a_waiting_producer_when_the_consumer_closes()
    {
        var queue = new BoundedQueue<int>(maxWeight: 1, maxCount: 1);
        queue.Add(1, 1).ShouldBeTrue();
        var added = true;
        var producer = new Thread(() => added = queue.Add(2, 1)); // waits: the queue is full

        producer.Start();
        queue.Close();
        producer.Join();

        added.ShouldBeFalse();
        queue.TryTake(out _).ShouldBeFalse();
        queue.Weight.ShouldBe(0);
    }

    [Fact]
    public void Should_end_a_waiting_take_on_cancellation()
    {
        var queue = new BoundedQueue<int>(maxWeight: 1, maxCount: 1);
        using var cancellation = new CancellationTokenSource();
        Exception? error = null;
        var consumer = new Thread(() => error = Record.Exception(() => queue.TryTake(out _, cancellation.Token))); // waits: the queue is empty

        consumer.Start();
        cancellation.Cancel();
        consumer.Join();

        error.ShouldBeOfType<OperationCanceledException>();
    }

    [Fact]
    public void Should_end_cleanly_when_completed_without_error()
    {
        var queue = new BoundedQueue<int>(maxWeight: 10, maxCount: 10);
        queue.Add(7, 1);
        queue.Complete();

        queue.TryTake(out var item).ShouldBeTrue();
        item.ShouldBe(7);
        queue.TryTake(out _).ShouldBeFalse();
    }
}
