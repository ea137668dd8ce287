<?php

declare(strict_types=1);

namespace RealtimeFinance\Tests;

use RealtimeFinance\Resource\Event;
use RealtimeFinance\Resource\FraudAssessment;
use RealtimeFinance\Resource\FraudReason;
use RealtimeFinance\Resource\WebhookEndpoint;
use RealtimeFinance\Tests\Support\SandboxTestCase;

/** Fraud assessments, events and webhook endpoints. */
final class ResourcesTest extends SandboxTestCase
{
    public function testFraudAssessReturnsTypedAssessment(): void
    {
        $assessment = $this->client->fraud->assess(self::paymentParams());

        $this->assertInstanceOf(FraudAssessment::class, $assessment);
        $this->assertStringStartsWith('fa_', $assessment->id);
        $this->assertSame('fraud_assessment', $assessment->object);
        $this->assertGreaterThanOrEqual(0, $assessment->riskScore);
        $this->assertLessThanOrEqual(100, $assessment->riskScore);
        $this->assertContains($assessment->decision, ['approve', 'review', 'decline']);
        $this->assertContainsOnlyInstancesOf(FraudReason::class, $assessment->reasons);
        $this->assertSame(2500, $assessment->amount);
    }

    public function testFraudDeclinesTestAccount(): void
    {
        $assessment = $this->client->fraud->assess(self::paymentParams('acct_fraud_decline'));

        $this->assertSame('decline', $assessment->decision);
        $this->assertNotEmpty($assessment->reasons);
        $this->assertSame($assessment->reasons[0]->code, $assessment->toArray()['reasons'][0]['code']);
    }

    public function testEventsListPaymentCreated(): void
    {
        $payment = $this->client->payments->create(self::paymentParams());

        $found = null;
        foreach ($this->client->events->list(['type' => 'payment.created', 'limit' => 10]) as $event) {
            if (($event->object['id'] ?? null) === $payment->id) {
                $found = $event;
                break;
            }
        }

        $this->assertInstanceOf(Event::class, $found);
        $this->assertStringStartsWith('evt_', $found->id);
        $this->assertSame('event', $found->objectType);
        $this->assertSame('payment.created', $found->type);
        $this->assertSame($payment->id, $found->toArray()['data']['object']['id']);
    }

    public function testWebhookEndpointCreateReturnsSecret(): void
    {
        $endpoint = $this->client->webhookEndpoints->create([
            'url' => 'http://127.0.0.1:9/hooks',
            'enabled_events' => ['payment.succeeded'],
            'description' => 'PHP test',
        ]);

        $this->assertInstanceOf(WebhookEndpoint::class, $endpoint);
        $this->assertStringStartsWith('we_', $endpoint->id);
        $this->assertSame('webhook_endpoint', $endpoint->object);
        $this->assertSame(['payment.succeeded'], $endpoint->enabledEvents);
        $this->assertStringStartsWith('whsec_', (string) $endpoint->secret);
        $this->assertSame($endpoint->secret, $endpoint->toArray()['secret']);
    }
}
