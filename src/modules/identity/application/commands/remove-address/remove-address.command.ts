import { Command } from '@nestjs/cqrs';

export class RemoveAddressCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly role: string,
    readonly addressId: string,
  ) {
    super();
  }
}
