package io.spotbridge.ingress.groups;

import java.util.Optional;

import io.spotbridge.ingress.scim.ListPage;
import io.spotbridge.ingress.scim.RequestContext;
import io.spotbridge.ingress.scim.ScimJson;
import io.spotbridge.ingress.scim.ScimMediaTypes;
import io.spotbridge.ingress.scim.ScimResponses;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** SCIM 2.0 Groups endpoint (RFC 7644 §3.2-3.6) as Okta Group Push uses it. */
@RestController
@RequestMapping(ScimMediaTypes.BASE_PATH + "/Groups")
class GroupsController {

	private final GroupService groups;

	GroupsController(GroupService groups) {
		this.groups = groups;
	}

	@GetMapping
	ResponseEntity<byte[]> list(ServerWebExchange exchange, @RequestParam Optional<String> filter,
			@RequestParam Optional<String> startIndex, @RequestParam Optional<String> count) {
		RequestContext context = RequestContext.of(exchange);
		ListPage page = ListPage.of(startIndex, count);
		GroupService.Page result = groups.list(context, filter, page);
		return ScimResponses.ok(page.response(result.total(),
				result.groups().stream().map(group -> GroupResources.toResource(group, context.baseUrl())).toList()));
	}

	@GetMapping("/{id}")
	ResponseEntity<byte[]> get(ServerWebExchange exchange, @PathVariable String id) {
		RequestContext context = RequestContext.of(exchange);
		var group = groups.get(context, id);
		return ScimResponses.resource(HttpStatus.OK, GroupResources.toResource(group, context.baseUrl()), group.version());
	}

	@PostMapping
	Mono<ResponseEntity<byte[]>> create(ServerWebExchange exchange, @RequestBody(required = false) byte[] body) {
		RequestContext context = RequestContext.of(exchange);
		return groups.create(context, ScimJson.parseObject(body))
			.map(group -> ScimResponses.resource(HttpStatus.CREATED, GroupResources.toResource(group, context.baseUrl()),
					group.version()));
	}

	@PutMapping("/{id}")
	Mono<ResponseEntity<byte[]>> replace(ServerWebExchange exchange, @PathVariable String id,
			@RequestBody(required = false) byte[] body, @RequestHeader(HttpHeaders.IF_MATCH) Optional<String> ifMatch) {
		RequestContext context = RequestContext.of(exchange);
		return groups.replace(context, id, ScimJson.parseObject(body), ifMatch)
			.map(group -> ScimResponses.resource(HttpStatus.OK, GroupResources.toResource(group, context.baseUrl()),
					group.version()));
	}

	@PatchMapping("/{id}")
	Mono<ResponseEntity<byte[]>> patch(ServerWebExchange exchange, @PathVariable String id,
			@RequestBody(required = false) byte[] body, @RequestHeader(HttpHeaders.IF_MATCH) Optional<String> ifMatch) {
		RequestContext context = RequestContext.of(exchange);
		return groups.patch(context, id, ScimJson.parseObject(body), ifMatch)
			.map(group -> ScimResponses.resource(HttpStatus.OK, GroupResources.toResource(group, context.baseUrl()),
					group.version()));
	}

	@DeleteMapping("/{id}")
	Mono<ResponseEntity<byte[]>> delete(ServerWebExchange exchange, @PathVariable String id,
			@RequestHeader(HttpHeaders.IF_MATCH) Optional<String> ifMatch) {
		return groups.delete(RequestContext.of(exchange), id, ifMatch).thenReturn(ScimResponses.noContent());
	}

}
