package io.agrilink.training.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.agrilink.platform.web.Page;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.security.Roles;
import io.agrilink.training.Course;
import io.agrilink.training.Topic;
import io.agrilink.training.service.CourseService;
import io.quarkus.panache.common.Sort;

@Path("/courses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CourseResource {

    /** A course as staff write it; {@code title} and {@code description} map BCP 47 tags to text, {@code vi} required. */
    public record CourseRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9-]*", message = "letters, digits and '-' only") String code,
            @NotNull Topic topic,
            @NotNull @Min(1) @Max(1000) Integer hours,
            @NotNull @Size(min = 1, max = 20) Map<@NotBlank @Size(max = 35) String, @NotBlank @Size(max = 300) String> title,
            @NotNull @Size(min = 1, max = 20) Map<@NotBlank @Size(max = 35) String, @NotBlank @Size(max = 5000) String> description,
            @Size(max = 20) List<@NotNull Long> prerequisiteIds) {

        CourseService.CourseDraft draft() {
            return new CourseService.CourseDraft(code, topic, hours, title, description, prerequisiteIds);
        }
    }

    public record CourseRef(long id, String code, String title) {
    }

    public record CourseView(long id, String code, Topic topic, int hours, Map<String, String> title,
            Map<String, String> description, List<CourseRef> prerequisites) {

        static CourseView of(Course c) {
            List<CourseRef> prerequisites = c.prerequisiteIds.stream()
                    .map(id -> Course.<Course> findById(id))
                    .filter(p -> p != null)
                    .map(p -> new CourseRef(p.id, p.code, p.titleVi()))
                    .toList();
            return new CourseView(c.id, c.code, c.topic, c.hours, c.title, c.description, prerequisites);
        }
    }

    @Inject
    CourseService courses;

    @POST
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Create a course")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid field (named in the problem)")
    @APIResponse(responseCode = "409", description = "A course with this code exists")
    public Response create(@Valid @NotNull CourseRequest request) {
        Course course = courses.create(request.draft());
        return Response.created(URI.create("/courses/" + course.id)).entity(CourseView.of(course)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Change a course")
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "400", description = "Invalid field")
    @APIResponse(responseCode = "404", description = "No such course")
    @APIResponse(responseCode = "409", description = "Code taken by another course")
    public CourseView update(@PathParam("id") long id, @Valid @NotNull CourseRequest request) {
        return CourseView.of(courses.update(id, request.draft()));
    }

    @GET
    @RolesAllowed({ Roles.FARMER, Roles.BUYER, Roles.STAFF })
    @Operation(summary = "List courses, by code")
    @APIResponse(responseCode = "200", description = "A page of courses")
    public Page<CourseView> list(@QueryParam("topic") Topic topic,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        var query = topic == null ? Course.<Course> findAll(Sort.by("code")) : Course.<Course> find("topic", Sort.by("code"), topic);
        return Page.of(query, page, size, CourseView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.FARMER, Roles.BUYER, Roles.STAFF })
    @Operation(summary = "Read a course")
    @APIResponse(responseCode = "200", description = "The course")
    @APIResponse(responseCode = "404", description = "No such course")
    public CourseView get(@PathParam("id") long id) {
        return CourseView.of(Course.<Course> findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Course", id)));
    }
}
