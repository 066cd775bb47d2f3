import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '../../../../platform/auth/public.decorator';
import { Roles } from '../../../../platform/auth/roles.decorator';
import { ApiProblems } from '../../../../platform/http/api-problems.decorator';
import { HttpCache } from '../../../../platform/http/http-cache';
import { PageQuery } from '../../../../platform/http/page.query';
import { CreateCategoryCommand } from '../../application/commands/create-category/create-category.command';
import { ListCategoriesQuery } from '../../application/queries/list-categories/list-categories.query';
import { CategoryPageResponse } from './category-page.response';
import { CategoryResponse } from './category.response';
import { CreateCategoryRequest } from './create-category.request';

@ApiTags('catalog')
@Controller('categories')
export class CategoriesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Public()
  @Get()
  @HttpCache({ maxAgeSeconds: 60, staleWhileRevalidateSeconds: 300 })
  @ApiOperation({
    summary: 'Categories by name',
    description: 'All categories in name order, keyset-paginated. Public.',
  })
  @ApiOkResponse({ type: CategoryPageResponse })
  @ApiProblems(400, 429)
  list(@Query() query: PageQuery): Promise<CategoryPageResponse> {
    return this.queries.execute(new ListCategoriesQuery(query.limit, query.cursor));
  }

  @Roles('ADMIN')
  @Post()
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Create a category (admin); names are unique',
    description:
      'Admin only. The name is trimmed; a name that exists already is 400 VALIDATION_FAILED.',
  })
  @ApiCreatedResponse({ type: CategoryResponse })
  @ApiProblems(400, 401, 403, 413, 429)
  create(@Body() body: CreateCategoryRequest): Promise<CategoryResponse> {
    return this.commands.execute(new CreateCategoryCommand(body.name));
  }
}
