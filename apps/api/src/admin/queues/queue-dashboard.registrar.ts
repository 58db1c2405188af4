import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { type BullBoardInstance, InjectBullBoard } from '@bull-board/nestjs';
import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { RECOGNITION_QUEUE, RETENTION_QUEUE, WEBHOOKS_QUEUE } from '@zhengjian/queue';

/** Queues shown on the dashboard when the app has them. */
export const DASHBOARD_QUEUES = [RECOGNITION_QUEUE, WEBHOOKS_QUEUE, RETENTION_QUEUE] as const;

/**
 * Puts the app's BullMQ queues on the bull-board dashboard (`/admin/queues`). Queues are looked up by name at
 * boot rather than declared with `BullBoardModule.forFeature`, so a queue this app does not register is skipped
 * instead of failing the boot.
 */
@Injectable()
export class QueueDashboardRegistrar implements OnModuleInit {
  private readonly logger = new Logger(QueueDashboardRegistrar.name);

  constructor(
    @InjectBullBoard() private readonly board: BullBoardInstance,
    @Inject(ModuleRef) private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    const shown: string[] = [];
    for (const name of DASHBOARD_QUEUES) {
      const queue = this.find(name);
      if (!queue) continue;
      this.board.addQueue(new BullMQAdapter(queue));
      shown.push(name);
    }
    this.logger.log(`queue dashboard at /admin/queues: ${shown.join(', ')}`);
  }

  private find(name: string): Queue | undefined {
    try {
      return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
    } catch {
      return undefined;
    }
  }
}
